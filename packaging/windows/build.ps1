# Builds the Windows installer: icons, the one-folder app, its self-test, then NSIS.
#
#   powershell -File packaging/windows/build.ps1      (from the repository, in the venv)
#
# Needs Python with the '.[package]' extra, VLC 3 (64-bit; RVIBE_VLC_DIR, default
# C:\Program Files\VideoLAN\VLC, which is where 'choco install vlc' puts it) and NSIS 3.
# Signing: set WINDOWS_SIGN_PFX (path) and WINDOWS_SIGN_PASSWORD to sign the app and the
# installer with signtool; without them both are left unsigned.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

$python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
function Invoke-Step([string]$what, [scriptblock]$step) {
    Write-Host "== $what"
    & $step
    if ($LASTEXITCODE -ne 0) { throw "$what failed ($LASTEXITCODE)" }
}

$appId = & $python -c "from rvibe_player import appinfo; print(appinfo.APP_ID)"
$app = "dist\$appId"

Invoke-Step "icons" { & $python packaging/make_icons.py build/icons }
Invoke-Step "version info and installer defines" {
    & $python packaging/windows/appinfo_files.py $app build/windows
}
Invoke-Step "one-folder app ($app)" {
    if (Test-Path $app) { Remove-Item -Recurse -Force $app }
    & $python -m PyInstaller --noconfirm --log-level WARN --distpath dist `
        --workpath build/pyinstaller packaging/rvibe-player.spec
}
Invoke-Step "libVLC plugins cache (for the self-test; the installer writes its own)" {
    & "$app\_internal\vlc\vlc-cache-gen.exe" "$app\_internal\vlc\plugins"
}

Write-Host "== self-test of the built app"
# A windowed app has no console: its report goes to self-test.txt in RVIBE_LOG_DIR.
$env:RVIBE_LOG_DIR = (New-Item -ItemType Directory -Force build\self-test).FullName
$run = Start-Process -FilePath "$app\$appId.exe" -ArgumentList "--self-test" -Wait -PassThru
Get-Content build\self-test\self-test.txt
if ($run.ExitCode -ne 0) { throw "the built app failed its self-test" }
Remove-Item "$app\_internal\vlc\plugins\plugins.dat"  # the installer writes it where it installs

if ($env:WINDOWS_SIGN_PFX) {
    Invoke-Step "signing the app" {
        signtool sign /fd SHA256 /td SHA256 /tr http://timestamp.digicert.com `
            /f $env:WINDOWS_SIGN_PFX /p $env:WINDOWS_SIGN_PASSWORD "$app\$appId.exe"
    }
}
Invoke-Step "installer (NSIS)" {
    makensis -WX -V3 -DDEFINES=build/windows/defines.nsh packaging/windows/rvibe-player.nsi
}
$installer = Get-ChildItem dist\*-windows-x64-setup.exe | Select-Object -First 1
if ($env:WINDOWS_SIGN_PFX) {
    Invoke-Step "signing the installer" {
        signtool sign /fd SHA256 /td SHA256 /tr http://timestamp.digicert.com `
            /f $env:WINDOWS_SIGN_PFX /p $env:WINDOWS_SIGN_PASSWORD $installer.FullName
    }
}
Write-Host $installer.FullName

<#
.SYNOPSIS
    Build the ReviewDesk Windows installer: virtualenv -> PyInstaller one-folder app -> Inno Setup.

.DESCRIPTION
    Run from any directory on a Windows 10/11 x64 machine with Python 3.10+ (64-bit) and
    Inno Setup 6.3+ installed:

        powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1

    Steps:
      1. create (or reuse) the build virtualenv build\venv-win and install the project
         and PyInstaller into it;
      2. run PyInstaller with packaging\reviewdesk.spec -> dist\ReviewDesk\
         (ReviewDesk.exe windowed, reviewdesk-cli.exe console, shared _internal\);
      3. smoke-test the frozen CLI (reviewdesk-cli.exe --version);
      4. compile packaging\windows\reviewdesk.iss with ISCC
         -> dist\ReviewDesk-<version>-win-x64-setup.exe

    Network is needed only here, on the build machine, for pip (or not at all with
    -Wheelhouse). The installer and the installed app never go online.

.PARAMETER Python
    Interpreter used to create the virtualenv. Default: the "py -3" launcher if present,
    else "python" from PATH. Must be 64-bit CPython 3.10 or later.

.PARAMETER Iscc
    Full path to ISCC.exe. Default: ISCC.exe on PATH, then the usual Inno Setup 6 folders.

.PARAMETER Wheelhouse
    Folder of pre-downloaded wheels (pip download . pyinstaller -d <folder>) for an
    air-gapped build machine: pip then installs with --no-index from there.

.PARAMETER Recreate
    Delete and recreate the build virtualenv.

.PARAMETER SkipInstaller
    Stop after the PyInstaller build (no Inno Setup needed).
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [string]$Wheelhouse = "",
    [switch]$Recreate,
    [switch]$SkipInstaller
)

Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"

# Run a native command and stop on a non-zero exit code (Windows PowerShell 5.1 does not).
function Invoke-Native {
    param(
        [Parameter(Mandatory = $true)][string]$FilePath,
        [string[]]$Arguments = @()
    )
    Write-Host ">> $FilePath $($Arguments -join ' ')" -ForegroundColor Cyan
    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath' failed with exit code $LASTEXITCODE"
    }
}

$Repo = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Repo

# --- version from desktop\__init__.py -------------------------------------------------
$InitText = Get-Content -Raw -Encoding UTF8 (Join-Path $Repo "desktop\__init__.py")
$VersionMatch = [regex]::Match($InitText, '(?m)^__version__\s*=\s*["'']([^"'']+)["'']')
if (-not $VersionMatch.Success) {
    throw "cannot read __version__ from desktop\__init__.py"
}
$Version = $VersionMatch.Groups[1].Value
# VersionInfoVersion wants digits only: 0.2.0rc1 -> 0.2.0
$NumericVersion = [regex]::Match($Version, '^\d+(\.\d+){0,3}').Value
Write-Host "ReviewDesk version $Version (numeric $NumericVersion)"

# --- 1. virtualenv ----------------------------------------------------------------------
$VenvDir = Join-Path $Repo "build\venv-win"
$VenvPython = Join-Path $VenvDir "Scripts\python.exe"
if ($Recreate -and (Test-Path $VenvDir)) {
    Remove-Item -Recurse -Force $VenvDir
}
if (-not (Test-Path $VenvPython)) {
    if ($Python) {
        $BaseCmd = $Python
        $BaseArgs = @()
    }
    elseif (Get-Command "py" -ErrorAction SilentlyContinue) {
        $BaseCmd = "py"
        $BaseArgs = @("-3")
    }
    else {
        $BaseCmd = "python"
        $BaseArgs = @()
    }
    Invoke-Native $BaseCmd ($BaseArgs + @("-m", "venv", $VenvDir))
}
Invoke-Native $VenvPython @("-c", "import struct, sys; assert sys.version_info >= (3, 10) and struct.calcsize('P') == 8, 'need 64-bit Python 3.10+'")

$PipArgs = @("-m", "pip", "install", "--disable-pip-version-check")
if ($Wheelhouse) {
    $PipArgs += @("--no-index", "--find-links", (Resolve-Path $Wheelhouse).Path)
}
else {
    Invoke-Native $VenvPython @("-m", "pip", "install", "--disable-pip-version-check", "--upgrade", "pip")
}
Invoke-Native $VenvPython ($PipArgs + @(".", "pyinstaller>=6.10,<7"))

# --- 2. PyInstaller one-folder build ------------------------------------------------------
Invoke-Native $VenvPython @(
    "-m", "PyInstaller", "--noconfirm", "--clean",
    "--distpath", (Join-Path $Repo "dist"),
    "--workpath", (Join-Path $Repo "build\pyinstaller"),
    (Join-Path $Repo "packaging\reviewdesk.spec")
)

# --- 3. smoke test: the frozen CLI starts and knows its version -------------------------
$CliExe = Join-Path $Repo "dist\ReviewDesk\reviewdesk-cli.exe"
$GuiExe = Join-Path $Repo "dist\ReviewDesk\ReviewDesk.exe"
foreach ($Exe in @($GuiExe, $CliExe)) {
    if (-not (Test-Path $Exe)) {
        throw "$Exe was not built"
    }
}
Invoke-Native $CliExe @("--version")

if ($SkipInstaller) {
    Write-Host "PyInstaller output: dist\ReviewDesk (installer skipped)"
    exit 0
}

# --- 4. Inno Setup ----------------------------------------------------------------------
if (-not $Iscc) {
    $OnPath = Get-Command "ISCC.exe" -ErrorAction SilentlyContinue
    $Candidates = @()
    if ($OnPath) {
        $Candidates += $OnPath.Path
    }
    if (${env:ProgramFiles(x86)}) {
        $Candidates += Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
    }
    $Candidates += Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"
    $Candidates += Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe"
    $Iscc = $Candidates | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    if (-not $Iscc) {
        throw "ISCC.exe (Inno Setup 6.3+) not found: install Inno Setup or pass -Iscc <path>"
    }
}
Invoke-Native $Iscc @(
    "/DAppVersion=$Version",
    "/DAppNumericVersion=$NumericVersion",
    (Join-Path $Repo "packaging\windows\reviewdesk.iss")
)

$Setup = Join-Path $Repo "dist\ReviewDesk-$Version-win-x64-setup.exe"
if (-not (Test-Path $Setup)) {
    throw "expected installer $Setup was not produced"
}
$SizeMb = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
Write-Host "built $Setup ($SizeMb MB)" -ForegroundColor Green

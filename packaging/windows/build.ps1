<#
.SYNOPSIS
    Build the ReviewDesk Windows installer: virtualenv -> PyInstaller one-folder app -> NSIS setup.

.DESCRIPTION
    Run on a Windows 10/11 x64 machine with 64-bit Python 3.10+ (3.11 is what CI checks) and
    NSIS 3.08+ (makensis.exe) installed:

        powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1

    Steps (each prints what it runs and stops on the first error):
      1. create (or reuse) the build virtualenv build\venv-win;
      2. build jieba's wheel: jieba publishes only a source archive; it is pure Python, so
         "pip wheel --no-deps jieba" gives jieba-<version>-py3-none-any.whl in build\wheels;
      3. install the project, PyInstaller and that wheel (from -Wheelhouse when offline);
      4. check that every dependency has a win_amd64 wheel (packaging\check_wheels.py; needs
         the package index, skipped with a message without it or with -SkipWheelCheck);
      5. PyInstaller with packaging\reviewdesk.spec -> dist\ReviewDesk\ (ReviewDesk.exe
         windowed, reviewdesk-cli.exe console, shared _internal\);
      6. smoke test of the frozen app: version, import of a sample, memo export, and the
         time from launch to the main window (REVIEWDESK_STARTUP_PROBE);
      7. list the bundle's files for NSIS (packaging\windows\nsis_files.py) and compile
         packaging\windows\reviewdesk.nsi -> dist\ReviewDesk-<version>-win-x64-setup.exe

    Network is used only here, for pip (not at all with -Wheelhouse). The installer and the
    installed app never go online.

.PARAMETER Python
    Interpreter for the virtualenv. Default: "py -3" if present, else "python" from PATH.

.PARAMETER Makensis
    Full path to makensis.exe. Default: makensis.exe on PATH, then the usual NSIS folders.

.PARAMETER Wheelhouse
    Folder of wheels prepared on a connected machine for an air-gapped build machine:
        pip download . "pyinstaller>=6.10,<7" --only-binary=:all: --platform win_amd64 ^
            --python-version 3.11 -d wheels     (jieba fails here: add its wheel from step 2)
        pip wheel --no-deps jieba -w wheels
    pip then installs with --no-index from there.

.PARAMETER Recreate
    Delete and recreate the build virtualenv.

.PARAMETER SkipWheelCheck
    Do not run packaging\check_wheels.py.

.PARAMETER SkipInstaller
    Stop after the PyInstaller build and its smoke test (no NSIS needed).
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [string]$Makensis = "",
    [string]$Wheelhouse = "",
    [switch]$Recreate,
    [switch]$SkipWheelCheck,
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

function Write-Step([string]$Text) {
    Write-Host ""
    Write-Host "=== $Text" -ForegroundColor Green
}

$Repo = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Repo

# --- version from desktop\__init__.py -------------------------------------------------------
$InitText = Get-Content -Raw -Encoding UTF8 (Join-Path $Repo "desktop\__init__.py")
$VersionMatch = [regex]::Match($InitText, '(?m)^__version__\s*=\s*["'']([^"'']+)["'']')
if (-not $VersionMatch.Success) {
    throw "cannot read __version__ from desktop\__init__.py"
}
$Version = $VersionMatch.Groups[1].Value
# VIProductVersion wants four numbers: 0.2.0rc1 -> 0.2.0.0
$Numbers = [regex]::Match($Version, '^\d+(\.\d+){0,3}').Value.Split(".")
while ($Numbers.Count -lt 4) { $Numbers += "0" }
$NumericVersion = $Numbers -join "."
Write-Host "ReviewDesk version $Version (numeric $NumericVersion)"

# --- 1. virtualenv ----------------------------------------------------------------------------
Write-Step "1. build virtualenv"
$VenvDir = Join-Path $Repo "build\venv-win"
$VenvPython = Join-Path $VenvDir "Scripts\python.exe"
if ($Recreate -and (Test-Path $VenvDir)) {
    Remove-Item -Recurse -Force $VenvDir
}
if (-not (Test-Path $VenvPython)) {
    if ($Python) {
        $BaseCmd = $Python; $BaseArgs = @()
    }
    elseif (Get-Command "py" -ErrorAction SilentlyContinue) {
        $BaseCmd = "py"; $BaseArgs = @("-3")
    }
    else {
        $BaseCmd = "python"; $BaseArgs = @()
    }
    Invoke-Native $BaseCmd ($BaseArgs + @("-m", "venv", $VenvDir))
}
Invoke-Native $VenvPython @("-c", "import struct, sys; assert sys.version_info >= (3, 10) and struct.calcsize('P') == 8, 'need 64-bit Python 3.10+'")

$PipInstall = @("-m", "pip", "install", "--disable-pip-version-check")
$WheelDir = Join-Path $Repo "build\wheels"
New-Item -ItemType Directory -Force -Path $WheelDir | Out-Null
if ($Wheelhouse) {
    $Wheelhouse = (Resolve-Path $Wheelhouse).Path
    $PipInstall += @("--no-index", "--find-links", $Wheelhouse, "--find-links", $WheelDir)
}
else {
    Invoke-Native $VenvPython @("-m", "pip", "install", "--disable-pip-version-check", "--upgrade", "pip", "wheel")
    $PipInstall += @("--find-links", $WheelDir)
}

# --- 2. jieba's wheel ---------------------------------------------------------------------------
Write-Step "2. jieba wheel (PyPI has only its source archive; pure Python)"
if ($Wheelhouse -and (Get-ChildItem -Path $Wheelhouse -Filter "jieba-*-py3-none-any.whl" -ErrorAction SilentlyContinue)) {
    Write-Host "using the jieba wheel in $Wheelhouse"
}
else {
    $WheelArgs = @("-m", "pip", "wheel", "--disable-pip-version-check", "--no-deps", "--wheel-dir", $WheelDir)
    if ($Wheelhouse) { $WheelArgs += @("--no-index", "--find-links", $Wheelhouse) }
    Invoke-Native $VenvPython ($WheelArgs + @("jieba>=0.42"))
}

# --- 3. project and PyInstaller -----------------------------------------------------------------
Write-Step "3. install ReviewDesk and PyInstaller"
Invoke-Native $VenvPython ($PipInstall + @(".", "pyinstaller>=6.10,<7"))

# --- 4. wheels for win_amd64 --------------------------------------------------------------------
if (-not $SkipWheelCheck -and -not $Wheelhouse) {
    Write-Step "4. every dependency has a win_amd64 wheel"
    Invoke-Native $VenvPython @("packaging\check_wheels.py", "--target", "windows-x64")
}

# --- 5. PyInstaller one-folder build -----------------------------------------------------------
Write-Step "5. PyInstaller"
Invoke-Native $VenvPython @(
    "-m", "PyInstaller", "--noconfirm", "--clean",
    "--distpath", (Join-Path $Repo "dist"),
    "--workpath", (Join-Path $Repo "build\pyinstaller"),
    (Join-Path $Repo "packaging\reviewdesk.spec")
)
$Bundle = Join-Path $Repo "dist\ReviewDesk"
$CliExe = Join-Path $Bundle "reviewdesk-cli.exe"
$GuiExe = Join-Path $Bundle "ReviewDesk.exe"
foreach ($Exe in @($GuiExe, $CliExe)) {
    if (-not (Test-Path $Exe)) { throw "$Exe was not built" }
}

# --- 6. smoke test ------------------------------------------------------------------------------
Write-Step "6. smoke test of the frozen app"
$Scratch = Join-Path $env:TEMP ("reviewdesk-smoke-" + [guid]::NewGuid().ToString("N"))
New-Item -ItemType Directory -Force -Path $Scratch | Out-Null
$Library = Join-Path $Scratch "library.sqlite"
$Samples = Join-Path $Bundle "_internal\resources\samples"
Invoke-Native $CliExe @("--version")
Invoke-Native $CliExe @("import", (Join-Path $Samples "shili_2023.docx"), (Join-Path $Samples "shili_2024.pdf"), "--library", $Library)
Invoke-Native $CliExe @("export-memo", "2", "--out", (Join-Path $Scratch "memo.docx"), "--library", $Library)
# The console twin starts the same GUI; with the probe it prints a mark at the first paint and quits.
$env:REVIEWDESK_STARTUP_PROBE = "1"
$Timer = [System.Diagnostics.Stopwatch]::StartNew()
$ProbeOutput = & $CliExe --library $Library
$Timer.Stop()
Remove-Item Env:\REVIEWDESK_STARTUP_PROBE
if (-not ($ProbeOutput -contains "reviewdesk-first-paint")) {
    throw "the main window did not paint (output: $ProbeOutput)"
}
Write-Host ("launch to main window: {0:N2} s (first start, including exit)" -f $Timer.Elapsed.TotalSeconds)
Remove-Item -Recurse -Force $Scratch

if ($SkipInstaller) {
    Write-Host "PyInstaller output: dist\ReviewDesk (installer skipped)"
    exit 0
}

# --- 7. NSIS ------------------------------------------------------------------------------------
Write-Step "7. NSIS installer"
if (-not $Makensis) {
    $Candidates = @()
    $OnPath = Get-Command "makensis.exe" -ErrorAction SilentlyContinue
    if ($OnPath) { $Candidates += $OnPath.Path }
    if (${env:ProgramFiles(x86)}) { $Candidates += Join-Path ${env:ProgramFiles(x86)} "NSIS\makensis.exe" }
    $Candidates += Join-Path $env:ProgramFiles "NSIS\makensis.exe"
    $Makensis = $Candidates | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    if (-not $Makensis) {
        throw "makensis.exe (NSIS 3.08+) not found: install NSIS or pass -Makensis <path>"
    }
}
$FilesNsh = Join-Path $Repo "build\nsis\files.nsh"
Invoke-Native $VenvPython @("packaging\windows\nsis_files.py", $Bundle, $FilesNsh)
$Setup = Join-Path $Repo "dist\ReviewDesk-$Version-win-x64-setup.exe"
Invoke-Native $Makensis @(
    "/V2", "/WX", "/INPUTCHARSET", "UTF8",
    "/DVERSION=$Version", "/DNUMERIC_VERSION=$NumericVersion",
    "/DFILES_NSH=$FilesNsh", "/DOUTFILE=$Setup",
    (Join-Path $Repo "packaging\windows\reviewdesk.nsi")
)
if (-not (Test-Path $Setup)) {
    throw "expected installer $Setup was not produced"
}
$SizeMb = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
Write-Host "built $Setup ($SizeMb MB)" -ForegroundColor Green
Write-Host "silent install: `"$Setup`" /S /AllUsers   (or /CurrentUser; /D=C:\path last, unquoted)"

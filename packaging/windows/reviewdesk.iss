; ReviewDesk（法治报告审阅台）- Inno Setup 6 script (x64, Windows 10 or later).
;
; Build with packaging\windows\build.ps1, or by hand after the PyInstaller build:
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\reviewdesk.iss
; Input:  dist\ReviewDesk\          (pyinstaller packaging\reviewdesk.spec)
; Output: dist\ReviewDesk-<version>-win-x64-setup.exe
;
; Needs Inno Setup 6.3 or later (x64compatible). This file is UTF-8 with a BOM so
; that every Inno Setup 6 release reads the Chinese text correctly.
;
; Install modes: per-user by default (no administrator rights, installs to
; %LOCALAPPDATA%\Programs\ReviewDesk); the first page offers "install for all users"
; (administrator, %ProgramFiles%\ReviewDesk). Command line: /CURRENTUSER or /ALLUSERS,
; plus the usual /SILENT, /VERYSILENT, /DIR=...
;
; The user's library (platformdirs user data dir: %LOCALAPPDATA%\ReviewDesk) and the
; settings (HKCU\Software\ReviewDesk) are written by the application, never by this
; installer, so the uninstaller leaves them alone and an upgrade keeps them.
; Nothing here downloads anything: the installer works offline and the app has no updater.

#define AppName "ReviewDesk"
#define AppNameZh "法治报告审阅台"
#define AppExeName "ReviewDesk.exe"
#define AppPublisher "ReviewDesk"
#define DistDir AddBackslash(SourcePath) + "..\..\dist\ReviewDesk"

#ifndef AppVersion
#error Define AppVersion, e.g. ISCC /DAppVersion=0.1.0 (build.ps1 reads it from desktop\__init__.py)
#endif
; VersionInfoVersion takes only numbers (a.b.c.d): pass /DAppNumericVersion=0.2.0 with
; /DAppVersion=0.2.0rc1; for a plain release both are the same.
#ifndef AppNumericVersion
#define AppNumericVersion AppVersion
#endif
#ifnexist AddBackslash(DistDir) + AppExeName
#error dist\ReviewDesk\ReviewDesk.exe not found: run PyInstaller with packaging\reviewdesk.spec first
#endif

[Setup]
; AppId identifies the product for upgrades and the uninstaller: never change it.
AppId={{8E362068-D43D-41D1-B53D-6FF442581B3C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright=ReviewDesk
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName={#AppName} {#AppNameZh}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default; the user may choose all users (admin) on the first page.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
UsePreviousPrivileges=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 / PySide6 need Windows 10 or later.
MinVersion=10.0
SetupIconFile=..\..\resources\icons\reviewdesk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName} {#AppNameZh}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Relative paths in [Setup] are relative to this script's folder.
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-win-x64-setup
; Close a running ReviewDesk (Restart Manager) before replacing its files.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
#ifdef WithFileAssoc
ChangesAssociations=yes
#endif

[Languages]
; Chinese Simplified is listed first so that it is also the fallback for other locales.
; ChineseSimplified.isl is an unofficial Inno Setup translation, not shipped with every
; Inno Setup release: get it from the "Inno Setup Translations" page on jrsoftware.org
; (or the kira-96/Inno-Setup-Chinese-Simplified-Translation repository on GitHub) and put
; it in the Languages folder of the Inno Setup installation (next to ISCC.exe). Without
; it the Chinese entry falls back to Default.isl (English wizard texts; this script's own
; [CustomMessages] stay Chinese).
#ifexist AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
#pragma message "ChineseSimplified.isl not found in the Inno Setup Languages folder: using Default.isl for Chinese"
Name: "chinesesimplified"; MessagesFile: "compiler:Default.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.ShortcutName=法治报告审阅台
english.ShortcutName=ReviewDesk
chinesesimplified.ShortcutComment=离线审阅法治政府建设年度报告
english.ShortcutComment=Review annual rule-of-law government reports offline
chinesesimplified.AssocTask=将 .docx 和 .pdf 文件的“打开方式”加入 ReviewDesk
english.AssocTask=Add ReviewDesk to "Open with" for .docx and .pdf files
; %1 = the library folder (passed by [Code] below)
chinesesimplified.LibraryKept=ReviewDesk 已卸载。%n%n您的资料库和设置没有删除（位于 %1）。重新安装后可继续使用；如不再需要，可手动删除该文件夹。
english.LibraryKept=ReviewDesk has been removed.%n%nYour library and settings were kept (in %1). A new installation picks them up again; delete that folder by hand if you no longer need it.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
#ifdef WithFileAssoc
; Off unless compiled with /DWithFileAssoc, and then still unchecked: the GUI must first
; accept a file path on its command line ("ReviewDesk.exe <file>").
Name: "fileassoc"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
#endif

[InstallDelete]
; Remove the previous version's runtime before copying the new one, so no stale Qt
; plugin or extension module from an older PySide6 lingers in _internal\.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:ShortcutName}"; Filename: "{app}\{#AppExeName}"; Comment: "{cm:ShortcutComment}"
Name: "{autodesktop}\{cm:ShortcutName}"; Filename: "{app}\{#AppExeName}"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

#ifdef WithFileAssoc
[Registry]
; "Open with" entries only (no default-handler takeover); removed on uninstall.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName} {#AppNameZh}"; Flags: uninsdeletekey; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "ReviewDesk.Report"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "ReviewDesk.Report"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\ReviewDesk.Report"; ValueType: string; ValueName: ""; ValueData: "{#AppName} {#AppNameZh}"; Flags: uninsdeletekey; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\ReviewDesk.Report\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\ReviewDesk.Report\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""; Tasks: fileassoc
#endif

[Run]
; postinstall entries run as the user who started Setup (not the elevated account), so the
; library is created in the right profile even after an all-users install.
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{cm:ShortcutName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes exactly what [Files] installed. The
; library lives outside {app}, so it survives uninstall and upgrade.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    // Literal text, not {localappdata}: an elevated uninstall may run as another account.
    MsgBox(FmtMessage(CustomMessage('LibraryKept'), ['%LOCALAPPDATA%\ReviewDesk']), mbInformation, MB_OK);
end;

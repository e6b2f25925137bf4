; ReviewDesk（法治报告审阅台）Windows installer (NSIS 3, Unicode, x64, Windows 10 or later).
;
; Built by packaging\windows\build.ps1 on Windows, and compiled on Linux by
; packaging/windows/check_installer.sh (makensis from Debian's nsis package) in CI:
;
;   python packaging/windows/nsis_files.py dist/ReviewDesk build/nsis/files.nsh
;   makensis -DVERSION=0.1.0 -DFILES_NSH=build/nsis/files.nsh -DOUTFILE=dist/ReviewDesk-0.1.0-win-x64-setup.exe
;            packaging/windows/reviewdesk.nsi
;
; Command line (silent mass deployment; switches are case-insensitive, /D= must come last):
;   ReviewDesk-<version>-win-x64-setup.exe /S /AllUsers [/NoDesktopShortcut] [/NoFileAssociations] [/D=C:\Apps\ReviewDesk]
;   ReviewDesk-<version>-win-x64-setup.exe /S /CurrentUser
;   "<install folder>\uninstall.exe" /S [/RemoveLibrary]
;
; The user's library (%LOCALAPPDATA%\ReviewDesk) and settings (HKCU\Software\ReviewDesk\ReviewDesk)
; are written by the application, never by this installer. Uninstalling keeps them unless the
; user ticks "also delete my library" (or passes /RemoveLibrary); an upgrade always keeps them.
; Nothing here touches the network.

; A 64-bit installer: the app is x64 only, and it reads and writes the 64-bit registry view.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 64

!ifndef VERSION
  !error "Define VERSION, e.g. makensis -DVERSION=0.1.0 (build.ps1 reads desktop\__init__.py)"
!endif
!ifndef FILES_NSH
  !error "Define FILES_NSH: the file list written by packaging/windows/nsis_files.py"
!endif
!ifndef OUTFILE
  !define OUTFILE "ReviewDesk-${VERSION}-win-x64-setup.exe"
!endif
; VIProductVersion takes four numbers: 0.2.0rc1 -> pass -DNUMERIC_VERSION=0.2.0.0
!ifndef NUMERIC_VERSION
  !define NUMERIC_VERSION "${VERSION}.0"
!endif

!define APP_NAME "ReviewDesk"
!define APP_NAME_ZH "法治报告审阅台"
!define APP_EXE "ReviewDesk.exe"
!define PUBLISHER "ReviewDesk"
!define SHORTCUT "ReviewDesk 法治报告审阅台"
!define PROG_ID "ReviewDesk.Report"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ReviewDesk"
; Written by the app: QSettings("ReviewDesk", "ReviewDesk") and platformdirs' user data folder.
!define SETTINGS_KEY "Software\ReviewDesk\ReviewDesk"
!define LIBRARY_DIR "ReviewDesk"

Name "${APP_NAME} ${APP_NAME_ZH}"
OutFile "${OUTFILE}"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${NUMERIC_VERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME} ${APP_NAME_ZH}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${APP_NAME_ZH} Setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

; --- per-machine or per-user ------------------------------------------------------------------
; An administrator is offered both (all users is preselected); a standard user installs for
; himself without elevation. /AllUsers and /CurrentUser choose on the command line.
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "ReviewDesk"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINST_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINST_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include x64.nsh
!include WinVer.nsh
!include Sections.nsh

; --- pages ------------------------------------------------------------------------------------
!define MUI_ICON "..\..\resources\icons\reviewdesk.ico"
!define MUI_UNICON "..\..\resources\icons\reviewdesk.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT SHCTX
!define MUI_LANGDLL_REGISTRY_KEY "${UNINST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_WINDOWTITLE "安装语言 / Installer Language"
!define MUI_LANGDLL_INFO "请选择安装程序的语言。$\nPlease select a language."
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; Simplified Chinese first: it is also the language for every locale not listed.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SecProgram ${LANG_SIMPCHINESE} "法治报告审阅台（必需）"
LangString SecProgram ${LANG_ENGLISH} "ReviewDesk (required)"
LangString SecStartMenu ${LANG_SIMPCHINESE} "“开始”菜单快捷方式"
LangString SecStartMenu ${LANG_ENGLISH} "Start menu shortcut"
LangString SecDesktop ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecOpenWith ${LANG_SIMPCHINESE} "加入“打开方式”（.docx .pdf .txt .html）"
LangString SecOpenWith ${LANG_ENGLISH} "$\"Open with$\" for .docx .pdf .txt .html"
LangString SecUnProgram ${LANG_SIMPCHINESE} "卸载程序"
LangString SecUnProgram ${LANG_ENGLISH} "Remove the program"
LangString SecUnLibrary ${LANG_SIMPCHINESE} "同时删除我的资料库和设置（不可恢复）"
LangString SecUnLibrary ${LANG_ENGLISH} "Also delete my library and settings (cannot be undone)"
LangString RunNow ${LANG_SIMPCHINESE} "立即运行法治报告审阅台"
LangString RunNow ${LANG_ENGLISH} "Start ReviewDesk now"
LangString ShortcutComment ${LANG_SIMPCHINESE} "离线审阅法治政府建设年度报告"
LangString ShortcutComment ${LANG_ENGLISH} "Review annual rule-of-law government reports offline"
LangString AppRunning ${LANG_SIMPCHINESE} "法治报告审阅台正在运行。请先关闭它（您的工作已自动保存），然后点击“重试”。"
LangString AppRunning ${LANG_ENGLISH} "ReviewDesk is running. Close it first (your work is saved), then click Retry."
LangString Needs64 ${LANG_SIMPCHINESE} "法治报告审阅台需要 64 位 Windows 10 或更新版本。"
LangString Needs64 ${LANG_ENGLISH} "ReviewDesk needs 64-bit Windows 10 or later."
LangString OldUninstallFailed ${LANG_SIMPCHINESE} "无法卸载已安装的旧版本。请从“设置 → 应用”中卸载后重新运行安装程序。"
LangString OldUninstallFailed ${LANG_ENGLISH} "The installed version could not be removed. Uninstall it from Settings > Apps, then run Setup again."
LangString LibraryKept ${LANG_SIMPCHINESE} "法治报告审阅台已卸载。您的资料库和设置仍保留在 $0，重新安装后可继续使用。"
LangString LibraryKept ${LANG_ENGLISH} "ReviewDesk has been removed. Your library and settings are kept in $0; a new installation picks them up again."

!include "${FILES_NSH}"

Var InstallDirFromCommandLine

; --- helpers ----------------------------------------------------------------------------------

; Error level 2 and stop when the app is running (files in use cannot be replaced or removed).
!macro WAIT_UNTIL_CLOSED UN
Function ${UN}WaitUntilClosed
  retry:
  ${IfNot} ${FileExists} "$INSTDIR\${APP_EXE}"
    Return
  ${EndIf}
  ; A running executable cannot be opened for writing: that tells us without a process list.
  ClearErrors
  FileOpen $R9 "$INSTDIR\${APP_EXE}" a
  ${IfNot} ${Errors}
    FileClose $R9
    Return
  ${EndIf}
  ${If} ${Silent}
    SetErrorLevel 2
    Quit
  ${EndIf}
  MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" IDRETRY retry
  Quit
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED ""
!insertmacro WAIT_UNTIL_CLOSED "un."

!macro OPEN_WITH_EXTENSION EXT
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXE}\SupportedTypes" "${EXT}" ""
  WriteRegStr SHCTX "Software\Classes\${EXT}\OpenWithProgids" "${PROG_ID}" ""
!macroend
!macro REMOVE_OPEN_WITH_EXTENSION EXT
  DeleteRegValue SHCTX "Software\Classes\${EXT}\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /IfEmpty SHCTX "Software\Classes\${EXT}\OpenWithProgids"
  DeleteRegKey /IfEmpty SHCTX "Software\Classes\${EXT}"
!macroend

; --- installer --------------------------------------------------------------------------------

; An earlier version in the same mode: run its own uninstaller first (it removes exactly its
; files, shortcuts and registrations and, called with /Upgrade, never the user's library), so
; no stale Qt plugin or module of the old version lingers next to the new one.
Function RemovePreviousVersion
  ReadRegStr $R0 SHCTX "${UNINST_KEY}" "InstallLocation"
  ${If} $R0 == ""
  ${OrIfNot} ${FileExists} "$R0\uninstall.exe"
    Return
  ${EndIf}
  InitPluginsDir
  CopyFiles /SILENT "$R0\uninstall.exe" "$PLUGINSDIR\previous-uninstall.exe"
  ExecWait '"$PLUGINSDIR\previous-uninstall.exe" /S /Upgrade /$MultiUser.InstallMode _?=$R0' $R1
  ${If} $R1 != 0
    MessageBox MB_OK|MB_ICONSTOP "$(OldUninstallFailed)" /SD IDOK
    SetErrorLevel 4
    Quit
  ${EndIf}
FunctionEnd

Section "$(SecProgram)" SecProgram
  SectionIn RO
  Call WaitUntilClosed
  Call RemovePreviousVersion
  SetOverwrite on
  !insertmacro INSTALL_FILES
  WriteUninstaller "$INSTDIR\uninstall.exe"

  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APP_NAME} ${APP_NAME_ZH}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S /$MultiUser.InstallMode'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $R0 $R1 $R2
  IntFmt $R0 "0x%08X" $R0
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" "$R0"
SectionEnd

Section "$(SecStartMenu)" SecStartMenu
  SectionIn RO
  CreateShortcut "$SMPROGRAMS\${SHORTCUT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "$(ShortcutComment)"
SectionEnd

Section "$(SecDesktop)" SecDesktop
  CreateShortcut "$DESKTOP\${SHORTCUT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "$(ShortcutComment)"
SectionEnd

; "Open with" entries only: ReviewDesk never takes over the default program of a file type.
Section "$(SecOpenWith)" SecOpenWith
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXE}" "FriendlyAppName" "${APP_NAME} ${APP_NAME_ZH}"
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXE}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXE}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  WriteRegStr SHCTX "Software\Classes\${PROG_ID}" "" "${APP_NAME_ZH}"
  WriteRegStr SHCTX "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  !insertmacro OPEN_WITH_EXTENSION ".docx"
  !insertmacro OPEN_WITH_EXTENSION ".pdf"
  !insertmacro OPEN_WITH_EXTENSION ".txt"
  !insertmacro OPEN_WITH_EXTENSION ".html"
  !insertmacro OPEN_WITH_EXTENSION ".htm"
  WriteRegDWORD SHCTX "${UNINST_KEY}" "OpenWith" 1
  ; SHCNE_ASSOCCHANGED: Explorer refreshes its menus.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; Runs before any page; defined after the sections because it refers to their indexes.
Function .onInit
  ; /D= is applied before .onInit; MultiUser would overwrite it with the mode's default folder.
  StrCpy $InstallDirFromCommandLine $INSTDIR
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "$(Needs64)" /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
  SetRegView 64
  !insertmacro MULTIUSER_INIT
  !insertmacro MUI_LANGDLL_DISPLAY
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/NoDesktopShortcut" $R1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/NoFileAssociations" $R1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecOpenWith}
  ${EndIf}
  ${If} $InstallDirFromCommandLine != ""
    StrCpy $INSTDIR $InstallDirFromCommandLine
  ${EndIf}
FunctionEnd

; --- uninstaller ------------------------------------------------------------------------------

Section "un.$(SecUnProgram)" SecUnProgram
  SectionIn RO
  Call un.WaitUntilClosed
  Delete "$SMPROGRAMS\${SHORTCUT}.lnk"
  Delete "$DESKTOP\${SHORTCUT}.lnk"

  DeleteRegKey SHCTX "Software\Classes\Applications\${APP_EXE}"
  DeleteRegKey SHCTX "Software\Classes\${PROG_ID}"
  !insertmacro REMOVE_OPEN_WITH_EXTENSION ".docx"
  !insertmacro REMOVE_OPEN_WITH_EXTENSION ".pdf"
  !insertmacro REMOVE_OPEN_WITH_EXTENSION ".txt"
  !insertmacro REMOVE_OPEN_WITH_EXTENSION ".html"
  !insertmacro REMOVE_OPEN_WITH_EXTENSION ".htm"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  !insertmacro UNINSTALL_FILES
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINST_KEY}"
SectionEnd

; Off unless ticked or /RemoveLibrary: the library is a year of the reviewer's work. It is the
; library of the account running the uninstaller (each user of the machine has his own).
Section /o "un.$(SecUnLibrary)" SecUnLibrary
  SetShellVarContext current
  RMDir /r "$LOCALAPPDATA\${LIBRARY_DIR}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  DeleteRegKey /IfEmpty HKCU "Software\ReviewDesk"
SectionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MULTIUSER_UNINIT
  !insertmacro MUI_UNGETLANGUAGE
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/RemoveLibrary" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecUnLibrary}
  ${EndIf}
  ; An upgrade never deletes the library, whatever else is on the command line.
  ClearErrors
  ${GetOptions} $R0 "/Upgrade" $R1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecUnLibrary}
  ${EndIf}
FunctionEnd

Function un.onUninstSuccess
  ${IfNot} ${Silent}
  ${AndIfNot} ${SectionIsSelected} ${SecUnLibrary}
    SetShellVarContext current
    StrCpy $0 "$LOCALAPPDATA\${LIBRARY_DIR}"
    MessageBox MB_OK|MB_ICONINFORMATION "$(LibraryKept)"
  ${EndIf}
FunctionEnd

; Inno Setup script for Desk CRM (Windows installer around the PyInstaller onedir bundle).
;   iscc /DAppVersion=0.1.0 packaging\windows\desk-crm.iss   -> dist\desk-crm-0.1.0-setup.exe
; The version is passed by the build (read from pyproject.toml); see .github/workflows/build.yml.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C1B0F4E-2F7A-4B8E-9E53-0D6C9A4D2B11}
AppName=Desk CRM
AppVersion={#AppVersion}
AppPublisher=Desk CRM
DefaultDirName={autopf}\Desk CRM
DefaultGroupName=Desk CRM
OutputDir=..\..\dist
OutputBaseFilename=desk-crm-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\desk-crm.ico
UninstallDisplayIcon={app}\desk-crm.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\desk-crm\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Desk CRM"; Filename: "{app}\desk-crm.exe"
Name: "{group}\{cm:UninstallProgram,Desk CRM}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Desk CRM"; Filename: "{app}\desk-crm.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\desk-crm.exe"; Description: "{cm:LaunchProgram,Desk CRM}"; Flags: nowait postinstall skipifsilent

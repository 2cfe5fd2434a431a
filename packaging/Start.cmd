@echo off
rem Starts the library on Windows from this drive. Relative to this file only (%~dp0 is the folder
rem this file is in), so it works whatever letter the drive gets. `start` runs the app on its own
rem and this console window closes at once.
rem Which build runs (README, "Which PC gets which build"): Windows 10 and 11, 64-bit, run the
rem current build in app\win. Windows 7 and 8.1, and any 32-bit Windows, run the legacy build on
rem Electron 22: app\win-legacy\x64 on 64-bit Windows, app\win-legacy\ia32 on 32-bit Windows.
rem Windows 10 on ARM runs 32-bit x86 programs only (x64 ones from Windows 11, build 22000): ia32.
rem tests/legacy-launchers.test.ts runs the lines below (for, set, if) for real machines' values.
setlocal
rem The version from `ver` in any language: "Microsoft Windows [Version 6.1.7601]" gives 6.
rem The text between the brackets, its last word, the number before its first dot. Unreadable: 0.
set "WINVER="
set "WINNUM="
set "MAJOR=0"
set "WINBUILD=0"
for /f "tokens=2 delims=[]" %%v in ('ver') do set "WINVER=%%v"
for %%w in (%WINVER%) do set "WINNUM=%%w"
for /f "tokens=1 delims=." %%m in ("%WINNUM%") do set "MAJOR=%%m"
for /f "tokens=3 delims=." %%b in ("%WINNUM%") do set "WINBUILD=%%b"
rem The processor Windows itself runs on: a 32-bit cmd.exe on 64-bit Windows sees x86 in
rem PROCESSOR_ARCHITECTURE and the real one in PROCESSOR_ARCHITEW6432.
set "ARCH=%PROCESSOR_ARCHITECTURE%"
if defined PROCESSOR_ARCHITEW6432 set "ARCH=%PROCESSOR_ARCHITEW6432%"
set "BUILD=win"
if %MAJOR% LSS 10 set "BUILD=win-legacy\x64"
if /i "%ARCH%"=="x86" set "BUILD=win-legacy\ia32"
if /i "%ARCH%"=="ARM64" if %WINBUILD% LSS 22000 set "BUILD=win-legacy\ia32"
set "APP=%~dp0app\%BUILD%\@EXECUTABLE@.exe"
if not exist "%APP%" (
  echo The app is missing from this drive: app\%BUILD%\@EXECUTABLE@.exe
  echo On a PC the desktop app cannot run on, open Changmun.html on this drive in a web browser.
  pause
  exit /b 1
)
start "" "%APP%" %*
exit /b 0

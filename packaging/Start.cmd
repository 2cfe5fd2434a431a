@echo off
rem Starts the library on Windows from this drive. Relative to this file only (%~dp0 is the folder
rem this file is in), so it works whatever letter the drive gets. `start` runs the app on its own
rem and this console window closes at once.
setlocal
set "APP=%~dp0app\win\@EXECUTABLE@.exe"
if not exist "%APP%" (
  echo The app is missing from this drive: app\win\@EXECUTABLE@.exe
  pause
  exit /b 1
)
start "" "%APP%" %*
exit /b 0

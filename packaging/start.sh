#!/bin/sh
# Starts the library on Linux from this drive:  sh start.sh
# (FAT32 and exFAT sticks often mark no file executable, so `sh start.sh` always works.)
# Everything is relative to this file. The app runs with a temp folder of its own for what the
# desktop writes on a program's behalf (font and shader caches), removed when the app closes.
# The desktop app is built for 64-bit PCs (x86_64) with glibc 2.28 or newer; on any other Linux
# (32-bit, Red Star OS, an old distribution) this says so and points to Changmun.html, the
# browser edition on the same drive (README, "Which PC gets which build").

# --- decisions: arguments in, answer out (tests/electron-launchers.test.ts runs them) ---

# sandbox_flag USERNS_CLONE MAX_USER_NAMESPACES APPARMOR_RESTRICT SUID_HELPER
#   USERNS_CLONE         /proc/sys/kernel/unprivileged_userns_clone ('' when the kernel has none)
#   MAX_USER_NAMESPACES  /proc/sys/user/max_user_namespaces ('' when unknown)
#   APPARMOR_RESTRICT    /proc/sys/kernel/apparmor_restrict_unprivileged_userns ('' when absent)
#   SUID_HELPER          'yes' when chrome-sandbox is root's, setuid, on a mount without nosuid
# Prints --no-sandbox when Chromium's sandbox cannot start; prints nothing when it can.
# Chromium sandboxes itself with unprivileged user namespaces, or else with the setuid helper.
# A stick is mounted nosuid and cannot hold a root-owned file, so the helper never works from it;
# Ubuntu 24.04 restricts user namespaces with AppArmor (electron#42510). The content is our own.
sandbox_flag() {
  [ "$4" = yes ] && return 0
  userns=yes
  [ "$1" = 0 ] && userns=no
  [ "$2" = 0 ] && userns=no
  [ "$3" = 1 ] && userns=no
  [ "$userns" = yes ] || echo --no-sandbox
  return 0
}

# suid_helper_ok OWNER_UID MODE_OCTAL MOUNT_OPTIONS   (from stat -c '%u %a' and findmnt)
suid_helper_ok() {
  case "$2" in 4???) ;; *) echo no; return 0 ;; esac
  [ "$1" = 0 ] || { echo no; return 0; }
  case ",$3," in *,nosuid,*) echo no; return 0 ;; esac
  [ -n "$3" ] || { echo no; return 0; }
  echo yes
}

# linux_fit MACHINE GLIBC   (uname -m; the glibc version, e.g. 2.36, '' when it is not glibc)
# Prints ok when the desktop app can run here, else why not: 32bit, arch or glibc.
GLIBC_MIN_MAJOR=2
GLIBC_MIN_MINOR=28
linux_fit() {
  case "$1" in
    x86_64|amd64) ;;
    i?86|x86|armv7*|armv6*|arm) echo 32bit; return 0 ;;
    *) echo arch; return 0 ;;
  esac
  major=${2%%.*}
  rest=${2#*.}
  minor=${rest%%.*}
  case "$major:$minor" in
    :*|*:|*[!0-9:]*) echo glibc; return 0 ;;
  esac
  if [ "$major" -gt "$GLIBC_MIN_MAJOR" ] || { [ "$major" -eq "$GLIBC_MIN_MAJOR" ] && [ "$minor" -ge "$GLIBC_MIN_MINOR" ]; }; then
    echo ok
  else
    echo glibc
  fi
}

# no_fit_message REASON MACHINE GLIBC: what the person reads, Korean first.
no_fit_message() {
  case "$1" in
    32bit) ko="32비트 컴퓨터입니다"; en="it is a 32-bit computer ($2)" ;;
    arch) ko="지원하지 않는 프로세서입니다($2)"; en="its processor ($2) is not supported" ;;
    *) ko="리눅스의 C 라이브러리(glibc ${3:-없음})가 너무 오래되었습니다. $GLIBC_MIN_MAJOR.$GLIBC_MIN_MINOR 이상이 필요합니다"
       en="its C library (glibc ${3:-none}) is older than $GLIBC_MIN_MAJOR.$GLIBC_MIN_MINOR" ;;
  esac
  echo "창문: 이 컴퓨터에서는 데스크톱 앱을 실행할 수 없습니다. $ko. 이 드라이브의 Changmun.html 파일을 웹 브라우저로 여세요."
  echo "Changmun: the desktop app cannot run on this computer: $en. Open Changmun.html on this drive in a web browser."
}

# glibc_version: the C library's version, '' when it is not glibc (musl, or nothing to ask).
glibc_version() {
  v=$(getconf GNU_LIBC_VERSION 2>/dev/null) || v=''
  case "$v" in
    glibc\ *) echo "${v#glibc }" ;;
    *) echo '' ;;
  esac
}

# The tests load the functions above without starting anything.
if [ "${CHANGMUN_LAUNCHER_FUNCTIONS_ONLY:-}" = 1 ]; then return 0 2>/dev/null || exit 0; fi

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 1
app="$here/app/linux"
bin="$app/@EXECUTABLE@"

machine=$(uname -m 2>/dev/null || echo unknown)
libc=$(glibc_version)
fit=$(linux_fit "$machine" "$libc")
if [ "$fit" != ok ]; then
  no_fit_message "$fit" "$machine" "$libc" >&2
  exit 1
fi

if [ ! -f "$bin" ]; then
  echo "창문: 이 드라이브에 앱이 없습니다 (app/linux/@EXECUTABLE@). / The app is missing from this drive (app/linux/@EXECUTABLE@)." >&2
  exit 1
fi
if [ ! -x "$bin" ]; then
  echo "창문: 이 드라이브에서는 프로그램을 실행할 수 없습니다(FAT32). exFAT로 만든 드라이브를 쓰세요. / Programs cannot run from this drive (FAT32 is mounted without execute permission on Linux): use a drive formatted as exFAT." >&2
  exit 1
fi

read_value() { cat "$1" 2>/dev/null || true; }
helper="$app/chrome-sandbox"
helper_stat=$(stat -c '%u %a' "$helper" 2>/dev/null || echo '- -')
mount_options=$(findmnt -n -o OPTIONS --target "$app" 2>/dev/null || true)
flag=$(sandbox_flag \
  "$(read_value /proc/sys/kernel/unprivileged_userns_clone)" \
  "$(read_value /proc/sys/user/max_user_namespaces)" \
  "$(read_value /proc/sys/kernel/apparmor_restrict_unprivileged_userns)" \
  "$(suid_helper_ok ${helper_stat% *} ${helper_stat#* } "$mount_options")")

scratch=$(mktemp -d "${TMPDIR:-/tmp}/@EXECUTABLE@.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT TERM HUP
mkdir -p "$scratch/cache" "$scratch/tmp"
XDG_CACHE_HOME="$scratch/cache" TMPDIR="$scratch/tmp" "$bin" $flag "$@"

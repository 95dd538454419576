#!/usr/bin/env bash
# Server time of each page, measured from outside: N requests per page (after 5 warm-up ones), one at a
# time, and the p50/p95/max of curl's time to the first byte. Run it on a loaded demo
# (deploy/run-local.sh --demo), e.g.:  deploy/pages-timing.sh --url http://localhost:8082 --accounts data/accounts.txt
set -euo pipefail
url=http://localhost:8082
accounts=data/accounts.txt
n=100
while [[ $# -gt 0 ]]; do
  case $1 in
    --url) url=$2; shift 2 ;;
    --accounts) accounts=$2; shift 2 ;;
    --requests) n=$2; shift 2 ;;
    *) echo "usage: $0 [--url URL] [--accounts FILE] [--requests N]" >&2; exit 2 ;;
  esac
done
jar=$(mktemp); trap 'rm -f "$jar"' EXIT

sign_in() { # role → a session in the cookie jar, through the login form and its CSRF token
  local user pass token
  user=$(awk -v r="$1" '$1==r{print $2; exit}' "$accounts"); pass=$(awk -v r="$1" '$1==r{print $3; exit}' "$accounts")
  : > "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$url/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=$pass" \
    --data-urlencode "_csrf=$token" "$url/login"
}

measure() { # label path → p50 p95 max in ms
  local i times
  for i in 1 2 3 4 5; do curl -s -o /dev/null -b "$jar" "$url$2"; done
  times=$(for ((i = 0; i < n; i++)); do
    curl -s -o /dev/null -b "$jar" -H 'Accept-Language: fr' -w '%{http_code} %{time_starttransfer}\n' "$url$2"
  done)
  if grep -qv '^200 ' <<< "$times"; then echo "$1: not 200 ($(grep -v '^200 ' <<< "$times" | head -n 1))" >&2; exit 1; fi
  awk '{print $2 * 1000}' <<< "$times" | sort -n | awk -v label="$1" '{v[NR] = $1}
    END {printf "%-28s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%d requests)\n", label,
      v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)], v[NR], NR}'
}

sign_in ORGANISER
conventions=$(curl -s -b "$jar" "$url/" | grep -o 'href="/conventions/[^"]*"' | head -n 1 | sed 's/href="//; s/"//')
votation=$(curl -s "$url/" | grep -o 'href="/votations/[^"]*"' | head -n 1 | sed 's/href="//; s/"//')
[[ -n $conventions && -n $votation ]] || { echo "no convention or votation: load the demo first" >&2; exit 1; }
measure "/ (home)" /
measure "/votations/{id}" "$votation"
measure "/votations/{id}?transition" "$votation?transition=SOCIAL"
measure "/conventions/{id}" "$conventions"
measure "/votations/{id}/desks" "$votation/desks"
measure "/followup/{id}" "/followup/${conventions#/conventions/}"
measure "/referrals/new" /referrals/new
measure "/api-docs" /api-docs
measure "/login" /login
sign_in GARANT
measure "/audit" /audit
measure "/audit?type=" "/audit?type=ObjectionRaised"
measure "/audit/events/{position}" "/audit/events/$(curl -s -b "$jar" "$url/audit?type=ObjectionLifted" \
  | grep -o 'href="/audit/events/[0-9]*"' | head -n 1 | grep -o '[0-9]*')"
person=$(curl -s -b "$jar" "$url/audit" | grep -o 'href="/audit/persons/[^"]*"' | head -n 1 | sed 's/href="//; s/"//')
[[ -z $person ]] || measure "/audit/persons/{id}" "$person"
referral=$(curl -s -b "$jar" "$url/audit" | grep -o 'href="/audit/referrals/[^"]*"' | head -n 1 | sed 's/href="//; s/"//')
[[ -z $referral ]] || measure "/audit/referrals/{id}" "$referral"

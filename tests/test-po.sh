#!/bin/sh
# test-po.sh SOURCE_ROOT — every translatable string reaches po/nl.po, and
# the Dutch catalogue translates all of them.
set -eu
cd "$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# every file with translatable strings is listed in POTFILES.in
listed=$(grep -v '^#' po/POTFILES.in | sort)
found=$( (grep -l -E '(^|[^a-z_])(N?C?_|g_dngettext|g_dpgettext2) ?\(' src/*.c src/core/*.c;
          grep -l 'translatable="yes"' ui/*.ui;
          ls data/*.desktop.in) | sort)
missing=$(printf '%s\n' "$found" | grep -vxF "$listed" || true)
if [ -n "$missing" ]; then
  echo "not in po/POTFILES.in:" $missing
  status=1
fi

# the catalogue covers today's strings, all translated, none fuzzy
grep -v '^#' po/POTFILES.in | xargs xgettext -o "$tmp/vonk.pot" --from-code=UTF-8 \
  --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --flag=g_strdup_printf:1:c-format \
  --flag=g_set_error:4:c-format
msgmerge --quiet --no-fuzzy-matching -o "$tmp/nl.po" po/nl.po "$tmp/vonk.pot"
stats=$(msgfmt --check --statistics -o /dev/null "$tmp/nl.po" 2>&1)
echo "nl: $stats"
case "$stats" in
  *fuzzy*|*untranslated*) status=1 ;;
esac

exit $status

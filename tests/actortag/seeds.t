#!/bin/sh
# The actortag lines of ../shared/seeds/EXPECT.md, checked on the seed
# articles through docsplit when ../shared is beside the checkout
# (skipped otherwise).
. "$(dirname "$0")/../seeds.sh"
seeds_begin actortag
# expect SEED TEXT FILTER WANT: among the actors of seed SEED whose text is
# TEXT, one gives WANT under the jq FILTER (.code, .type, .id + " " + .how)
expect() {
	got=$("$bin/docsplit" "$seeds"/"$1"_*.txt | "$bin/actortag" |
	    jq -r --arg t "$2" ".actors[] | select(.text == \$t) | $3" |
	    sort -u)
	if printf '%s\n' "$got" | grep -qxF -- "$4"; then
		pass=$((pass + 1))
	else
		echo "FAIL - seed $1: \"$2\" gives '$got', want $4"
		fail=$((fail + 1))
	fi
}
expect 001 "Dmitry Peskov" .code RUSGOV
expect 004 "Peskov" .code RUSGOV
expect 001 "Kremlin" .code RUSGOV
expect 001 "Moscow" .code RUSGOV
expect 001 "Baku" '.code[0:3]' AZE
expect 001 "Yerevan" '.code[0:3]' ARM
expect 001 "St. Petersburg" .type LOC
expect 003 "Volodymyr Zelensky" '.id + " " + .code' "volodymyr-zelensky UKRGOV"
expect 004 "Volodymyr Zelenskyy" '.id + " " + .code' "volodymyr-zelensky UKRGOV"
expect 003 "Vladimir Medinsky" .code RUSGOV
expect 003 "David Arakhamia" '.code[0:3]' UKR
expect 003 "Sergey Lavrov" .code RUSGOV
expect 003 "Dmytro Kuleba" .code UKRGOV
expect 003 "Mevlut Cavusoglu" .code TURGOV
expect 004 "Kirill Dmitriev" '.code[0:3]' RUS
expect 002 "António Guterres" .code IGOUNO
expect 004 "Donald Trump" .code USAGOV
expect 003 "Ivan Timofeev" '.how + " " + .role' \
    "new director of programs at the Russian International Affairs Council"
expect 003 "Timofeev" '.id + " " + .how' "ivan-timofeev coref"
expect 003 "Vladimir Zharikhin" .how new
expect 003 "Russian president" .id vladimir-putin
expect 001 "Russian peacekeepers" .code RUSMIL
expect 001 "Armenian Ministry of Foreign Affairs" .code ARMGOV
expect 002 "NATO" .code IGOWSTNAT
expect 002 "United Nations" .code IGOUNO
expect 003 "European Union" .code IGOEUREEC
seeds_end

"""What the labelled clips draw on, per split: progressions, meters, General MIDI instruments, drum patterns.

Each split has material no other split has. The held-out draws keep exactly the pools they were
first measured with (its clips never change when the tune split grows); the tune split adds
material of its own (more progressions and modes, drum patterns, instruments and kits, a wider
tempo range) so that what the methods are tuned on is as varied as music, not as varied as the
first few progressions written. "fresh" was written after the methods were frozen, with kinds
neither other split has (progressions, a 12/8 meter, drum patterns, instruments, kits), so that
one split stays unseen by anyone choosing a method. "blind" was written before the fourth pass of
method work, once held-out and fresh had been read too often, and is read only to report final
numbers; its material (progressions, a 5/4 meter, drum patterns, instruments, a tempo range) is in
none of the others and sits in its own module, labelled_material_blind, merged in here. "sealed"
was written before the fifth pass of method work by someone other than whoever tunes, and is read
once, only for the final numbers; its material, in none of the others, sits in
labelled_material_sealed, which whoever tunes does not open, and is merged in here the same way;
read twice for the fifth pass's numbers, it is a development split from the sixth pass on.
"vault" was written before the sixth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers; its material, in none of the others (sealed's
included), sits in labelled_material_vault, which whoever tunes does not open either, merged in
here the same way; read once for the sixth pass's numbers, it is a development split from the
seventh pass on. "cellar" was written for the seventh pass of method work, while it was under way,
by someone other than whoever tunes, and is read once, only for the final numbers; its material, in
none of the others (vault's included), sits in labelled_material_cellar, which whoever tunes does
not open either, merged in here the same way; read once for the seventh pass's numbers, it is a
development split from the eighth pass on. "crypt" was written for the eighth pass of method work
by someone other than whoever tunes, and is read once, only for the final numbers, never trained
on; its material, in none of the others (cellar's included), sits in labelled_material_crypt,
which whoever tunes does not open either, merged in here the same way; read once for the eighth
pass's numbers, it is a development split from the ninth pass on. "tomb" was written for the ninth
pass of method work by someone other than whoever tunes, and is read once, only for the final
numbers, never trained on; its material, in none of the others (crypt's included), sits in
labelled_material_tomb, which whoever tunes does not open either, merged in here the same way; read
once for the ninth pass's numbers, it is a development split from the tenth pass on. "catacomb" was
written for the tenth pass of method work by someone other than whoever tunes, and is read once,
only for the final numbers, never trained on; its material, in none of the others (tomb's
included), sits in labelled_material_catacomb, which whoever tunes does not open either, merged in
here the same way; read once for the tenth pass's numbers, it is a development split from the
eleventh pass on. "ossuary" was written for the eleventh pass of method work by someone other than
whoever tunes, and is read once, only for the final numbers, never trained on; its material, in
none of the others (catacomb's included), sits in labelled_material_ossuary, which whoever tunes
does not open either, merged in here the same way; read once for the eleventh pass's numbers, it is
a development split from the twelfth pass on. "charnel" was written for the twelfth pass of method
work by someone other than whoever tunes, and is read once, only for the final numbers, never
trained on; its material, in none of the others (ossuary's included), sits in
labelled_material_charnel, which whoever tunes does not open either, merged in here the same way;
read once for the twelfth pass's numbers, it is a development split from the thirteenth pass on.
"sepulchre" was written for the thirteenth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(charnel's included), sits in labelled_material_sepulchre, which whoever tunes does not open either,
merged in here the same way; read once for the thirteenth pass's numbers, it is a development split
from the fourteenth pass on. "barrow" was written for the fourteenth pass of method work by someone
other than whoever tunes, and is read once, only for the final numbers, never trained on; its
material, in none of the others (sepulchre's included), sits in labelled_material_barrow, which
whoever tunes does not open either, merged in here the same way; read once for the fourteenth
pass's numbers, it is a development split from the fifteenth pass on. "mausoleum" was written for
the fifteenth pass of method work by someone other than whoever tunes, and is read once, only for
the final numbers, never trained on; its material, in none of the others (barrow's included), sits
in labelled_material_mausoleum, which whoever tunes does not open either, merged in here the same
way; read once for the fifteenth pass's numbers, it is a development split from the sixteenth pass on.
"undercroft" was written for the sixteenth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(mausoleum's included), sits in labelled_material_undercroft, which whoever tunes does not open
either, merged in here the same way; read once for the sixteenth pass's numbers, it is a
development split from the seventeenth pass on. "reliquary" was written for the seventeenth pass of
method work by someone other than whoever tunes, and is read once, only for the final numbers, never
trained on; its material, in none of the others (undercroft's included), sits in
labelled_material_reliquary, which whoever tunes does not open either, merged in here the same way;
read once for the seventeenth pass's numbers, it is a development split from the eighteenth pass on.
"cenotaph" was written for the eighteenth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(reliquary's included), sits in labelled_material_cenotaph, which whoever tunes does not open
either, merged in here the same way; read once for the eighteenth pass's numbers, it is a
development split from the nineteenth pass on.
"columbarium" was written for the nineteenth pass of method work by someone other than whoever
tunes, and is read once, only for the final numbers, never trained on; its material, in none of the
others (cenotaph's included), sits in labelled_material_columbarium, which whoever tunes does not
open either, merged in here the same way; read once for the nineteenth pass's numbers, it is a
development split from the twentieth pass on.
"hypogeum" was written for the twentieth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(columbarium's included), sits in labelled_material_hypogeum, which whoever tunes does not open
either, merged in here the same way; read once for the twentieth pass's numbers, it is a
development split from the twenty-first pass on.
"necropolis" was written for the twenty-first pass of method work by someone other than whoever
tunes, and is read once, only for the final numbers, never trained on; its material, in none of the
others (hypogeum's included), sits in labelled_material_necropolis, which whoever tunes does not
open either, merged in here the same way; read once for the twenty-first pass's numbers, it is a
development split from the twenty-second pass on.
"tumulus" was written for the twenty-second pass of method work by someone other than whoever
tunes, and is read once, only for the final numbers, never trained on; its material, in none of the
others (necropolis's included), sits in labelled_material_tumulus, which whoever tunes does not open
either, merged in here the same way; read once for the twenty-second pass's numbers, it is a
development split from the twenty-third pass on.
"mastaba" was written for the twenty-third pass of method work by someone other than whoever
tunes, and is read once, only for the final numbers, never trained on; its material, in none of the
others (tumulus's included), sits in labelled_material_mastaba, which whoever tunes does not open
either, merged in here the same way; read once for the twenty-third pass's numbers, it is a
development split from the twenty-fourth pass on.
"cairn" was written for the twenty-fourth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(mastaba's included), sits in labelled_material_cairn, which whoever tunes does not open either,
merged in here the same way; read once, beside mastaba, for the twenty-third pass's numbers, it is
a development split from the twenty-fourth pass on.
"dolmen" was written for the twenty-fifth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(mastaba's and cairn's included), sits in labelled_material_dolmen, which whoever tunes does not open
either, merged in here the same way; read once, beside mastaba and cairn, for the twenty-third pass's
numbers, it is a development split from the twenty-fourth pass on.
"kurgan" was written for the twenty-sixth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(dolmen's included), sits in labelled_material_kurgan, which whoever tunes does not open either,
merged in here the same way; read once for the twenty-fourth pass's numbers, it is a development
split from the twenty-fifth pass on.
"tholos" was written for the twenty-seventh pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(kurgan's included), sits in labelled_material_tholos, which whoever tunes does not open either,
merged in here the same way; read once for the twenty-fifth pass's numbers, it is a development
split from the twenty-sixth pass on.
"sarcophagus" was written for the twenty-eighth pass of method work by someone other than whoever
tunes, and is read once, only for the final numbers, never trained on; its material, in none of the
others (tholos's included), sits in labelled_material_sarcophagus, which whoever tunes does not open
either, merged in here the same way; read once for the twenty-sixth pass's numbers, it is a
development split from the twenty-seventh pass on.
"stupa" was written for the twenty-ninth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(sarcophagus's included), sits in labelled_material_stupa, which whoever tunes does not open
either, merged in here the same way; read once for the twenty-seventh pass's numbers, it is a
development split from the twenty-eighth pass on.
"pyramid" was written for the thirtieth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(stupa's included), sits in labelled_material_pyramid, which whoever tunes does not open either,
merged in here the same way; read once for the twenty-eighth pass's numbers, it is a development
split from the twenty-ninth pass on.
"ziggurat" was written for the thirty-first pass of method work by someone other than whoever
tunes, and is read once, only for the final numbers, never trained on; its material, in none of the
others (pyramid's included), sits in labelled_material_ziggurat, which whoever tunes does not open
either, merged in here the same way; read once for the twenty-ninth pass's numbers, it is a
development split from the thirtieth pass on.
"henge" was written for the thirty-second pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(ziggurat's included), sits in labelled_material_henge, which whoever tunes does not open either,
merged in here the same way; read once for the thirtieth pass's numbers, it is a development split
from the thirty-first pass on.
"cromlech" was written for the thirty-third pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(henge's included), sits in labelled_material_cromlech, which whoever tunes does not open either,
merged in here the same way; read once for the thirty-first pass's numbers, it is a development
split from the thirty-second pass on.
"menhir" was written for the thirty-fourth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(cromlech's included), sits in labelled_material_menhir, which whoever tunes does not open either,
merged in here the same way; read once for the thirty-second pass's numbers, it is a development
split from the thirty-third pass on.
"obelisk" was written for the thirty-fifth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(menhir's included), sits in labelled_material_obelisk, which whoever tunes does not open either,
merged in here the same way; read once for the thirty-third pass's numbers, it is a development
split from the thirty-fourth pass on.
"trilithon" was written for the thirty-sixth pass of method work by someone other than whoever
tunes, and is read once, only for the final numbers, never trained on; its material, in none of the
others (obelisk's included), sits in labelled_material_trilithon, which whoever tunes does not open
either, merged in here the same way; read once for the thirty-third pass's numbers (beside
obelisk), it is a development split from the thirty-fourth pass on.
"stele" was written for the thirty-seventh pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(trilithon's included), sits in labelled_material_stele, which whoever tunes does not open either,
merged in here the same way; read once for the thirty-fourth pass's numbers, it is a development
split from the thirty-fifth pass on.
"cist" was written for the thirty-eighth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(stele's included), sits in labelled_material_cist, which whoever tunes does not open either,
merged in here the same way; read once for the thirty-fifth pass's numbers, it is a development
split from the thirty-sixth pass on.
"broch" was written for the thirty-ninth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(cist's included), sits in labelled_material_broch, which whoever tunes does not open either,
merged in here the same way; read once for the thirty-sixth pass's numbers, it is a development
split from the thirty-seventh pass on.
"nuraghe" was written for the fortieth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(broch's included), sits in labelled_material_nuraghe, which whoever tunes does not open either,
merged in here the same way; read once for the thirty-seventh pass's numbers, it is a development
split from the thirty-eighth pass on.
"talayot" was written for the forty-first pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(nuraghe's included), sits in labelled_material_talayot, which whoever tunes does not open either,
merged in here the same way; read once for the thirty-eighth pass's numbers, it is a development
split from the thirty-ninth pass on.
"naveta" was written for the forty-second pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(talayot's included), sits in labelled_material_naveta, which whoever tunes does not open either,
merged in here the same way; read once for the thirty-ninth pass's numbers, it is a development
split from the fortieth pass on.
"taula" was written for the forty-third pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(naveta's included), sits in labelled_material_taula, which whoever tunes does not open either,
merged in here the same way; read once beside naveta for the thirty-ninth pass's numbers, it is a
development split from the fortieth pass on.
"quoit" was written for the forty-fourth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(taula's included), sits in labelled_material_quoit, which whoever tunes does not open either,
merged in here the same way; read once for the fortieth pass's numbers, it is a development split
from the forty-first pass on.
"hunebed" was written for the forty-fifth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(quoit's included), sits in labelled_material_hunebed, which whoever tunes does not open either,
merged in here the same way; read once for the forty-first pass's numbers, it is a development
split from the forty-second pass on.
"dysse" was written for the forty-sixth pass of method work by someone other than whoever tunes, and
is read once, only for the final numbers, never trained on; its material, in none of the others
(hunebed's included), sits in labelled_material_dysse, which whoever tunes does not open either,
merged in here the same way; read once for the forty-second pass's numbers, it is a development
split from the forty-third pass on.
"anta" was written for the forty-seventh pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(dysse's included), sits in labelled_material_anta, which whoever tunes does not open either, merged
in here the same way; read once for the forty-third pass's numbers, it is a development split from
the forty-fourth pass on.
"mamoa" was written for the forty-eighth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(anta's included), sits in labelled_material_mamoa, which whoever tunes does not open either, merged
in here the same way; read once for the forty-fourth pass's numbers, it is a development split from
the forty-fifth pass on.
"galgal" was written for the forty-ninth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(mamoa's included), sits in labelled_material_galgal, which whoever tunes does not open either,
merged in here the same way; read once for the forty-sixth pass's numbers, it is a development
split from the forty-seventh pass on.
"fogou" was written for the fiftieth pass of method work by someone other than whoever tunes, and
is read once, only for the final numbers, never trained on; its material, in none of the others
(galgal's included), sits in labelled_material_fogou, which whoever tunes does not open either,
merged in here the same way; read once for the forty-seventh pass's numbers, it is a development
split from the forty-eighth pass on.
"souterrain" was written for the fifty-first pass of method work by someone other than whoever
tunes, and is read once, only for the final numbers, never trained on; its material, in none of the
others (fogou's included), sits in labelled_material_souterrain, which whoever tunes does not open
either, merged in here the same way; read once for the forty-eighth pass's numbers, it is a
development split from the forty-ninth pass on.
"crannog" was written for the fifty-second pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(souterrain's included), sits in labelled_material_crannog, which whoever tunes does not open
either, merged in here the same way; read once for the forty-ninth pass's numbers, it is a
development split from the fiftieth pass on.
"cashel" was written for the fifty-third pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(crannog's included), sits in labelled_material_cashel, which whoever tunes does not open either,
merged in here the same way; read once for the fiftieth pass's numbers, it is a development split
from the fifty-first pass on.
"clochan" was written for the fifty-fourth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(cashel's included), sits in labelled_material_clochan, which whoever tunes does not open either,
merged in here the same way; read once for the fifty-first pass's numbers, it is a development split
from the fifty-second pass on.
"rath" was written for the fifty-fifth pass of method work by someone other than whoever tunes, and
is read once, only for the final numbers, never trained on; its material, in none of the others
(clochan's included), sits in labelled_material_rath, which whoever tunes does not open either,
merged in here the same way; read once for the fifty-second pass's numbers, it is a development split
from the fifty-third pass on.
"castro" was written for the fifty-sixth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(rath's included), sits in labelled_material_castro, which whoever tunes does not open either, merged
in here the same way; read once for the fifty-third pass's numbers, it is a development split from
the fifty-fourth pass on.
"motte" was written for the fifty-seventh pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(castro's included), sits in labelled_material_motte, which whoever tunes does not open either, merged
in here the same way; read once for the fifty-sixth pass's numbers, it is a development split from
the fifty-seventh pass on.
"oppidum" was written for the fifty-eighth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(motte's included), sits in labelled_material_oppidum, which whoever tunes does not open either,
merged in here the same way; read once for the fifty-seventh pass's numbers, it is a development
split from the fifty-eighth pass on.
"bailey" was written for the fifty-ninth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(oppidum's included), sits in labelled_material_bailey, which whoever tunes does not open either,
merged in here the same way; read once for the fifty-eighth pass's numbers, it is a development
split from the fifty-ninth pass on.
"barbican" was written for the sixtieth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(bailey's included), sits in labelled_material_barbican, which whoever tunes does not open either,
merged in here the same way; read once for the fifty-ninth pass's numbers, it is a development
split from the sixtieth pass on.
"keep" was written for the sixty-first pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(barbican's included), sits in labelled_material_keep, which whoever tunes does not open either,
merged in here the same way; read once for the sixtieth pass's numbers, it is a development split
from the sixty-first pass on.
"bastion" was written for the sixty-second pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(keep's included), sits in labelled_material_bastion, which whoever tunes does not open either,
merged in here the same way; read once for the sixtieth pass's numbers too, it is a development
split from the sixty-first pass on.
"donjon" was written for the sixty-second pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(bastion's included), sits in labelled_material_donjon, which whoever tunes does not open either,
merged in here the same way; read once for the sixty-first pass's numbers, it is a development
split from the sixty-second pass on.
"citadel" was written for the sixty-third pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(donjon's included), sits in labelled_material_citadel, which whoever tunes does not open either,
merged in here the same way; read once for the sixty-second pass's numbers, it is a development
split from the sixty-third pass on.
"rampart" was written for the sixty-fourth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(citadel's included), sits in labelled_material_rampart, which whoever tunes does not open either,
merged in here the same way; read once for the sixty-third pass's numbers, it is a development
split from the sixty-fourth pass on.
"palisade" was written for the sixty-fifth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(rampart's included), sits in labelled_material_palisade, which whoever tunes does not open either,
merged in here the same way; read once for the sixty-fourth pass's numbers, it is a development
split from the sixty-fifth pass on.
"bulwark" was written for the sixty-sixth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(palisade's included), sits in labelled_material_bulwark, which whoever tunes does not open either,
merged in here the same way; read once for the sixty-fifth pass's numbers, it is a development
split from the sixty-sixth pass on.
"redoubt" was written for the sixty-seventh pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(bulwark's included), sits in labelled_material_redoubt, which whoever tunes does not open either,
merged in here the same way; read once for the sixty-eighth pass's numbers, it is a development
split from the sixty-ninth pass on.
"ravelin" was written for the seventieth pass of method work by someone other than whoever tunes,
and is read once, only for the final numbers, never trained on; its material, in none of the others
(redoubt's included), sits in labelled_material_ravelin, which whoever tunes does not open either,
merged in here the same way; read once for the seventieth pass's numbers, it is a development
split from the seventy-first pass on.
"casemate" was written for the seventy-first pass of method work by someone other than whoever
tunes, and is read once, only for the final numbers, never trained on; its material, in none of the
others (ravelin's included), sits in labelled_material_casemate, which whoever tunes does not open
either, merged in here the same way; read once for the seventy-first pass's numbers, it is a
development split from the seventy-second pass on.
"glacis" was written for the seventy-second pass of method work by someone other than whoever
tunes, and is read once, only for the final numbers, never trained on; its material, in none of the
others (casemate's included), sits in labelled_material_glacis, which whoever tunes does not open
either, merged in here the same way.
"""

from __future__ import annotations

from pathlib import Path

from soundforge.testing import labelled_material_anta as anta
from soundforge.testing import labelled_material_bailey as bailey
from soundforge.testing import labelled_material_barbican as barbican
from soundforge.testing import labelled_material_barrow as barrow
from soundforge.testing import labelled_material_bastion as bastion
from soundforge.testing import labelled_material_blind as blind
from soundforge.testing import labelled_material_broch as broch
from soundforge.testing import labelled_material_bulwark as bulwark
from soundforge.testing import labelled_material_cairn as cairn
from soundforge.testing import labelled_material_casemate as casemate
from soundforge.testing import labelled_material_cashel as cashel
from soundforge.testing import labelled_material_castro as castro
from soundforge.testing import labelled_material_catacomb as catacomb
from soundforge.testing import labelled_material_cellar as cellar
from soundforge.testing import labelled_material_cenotaph as cenotaph
from soundforge.testing import labelled_material_charnel as charnel
from soundforge.testing import labelled_material_cist as cist
from soundforge.testing import labelled_material_citadel as citadel
from soundforge.testing import labelled_material_clochan as clochan
from soundforge.testing import labelled_material_columbarium as columbarium
from soundforge.testing import labelled_material_crannog as crannog
from soundforge.testing import labelled_material_cromlech as cromlech
from soundforge.testing import labelled_material_crypt as crypt
from soundforge.testing import labelled_material_dolmen as dolmen
from soundforge.testing import labelled_material_donjon as donjon
from soundforge.testing import labelled_material_dysse as dysse
from soundforge.testing import labelled_material_fogou as fogou
from soundforge.testing import labelled_material_galgal as galgal
from soundforge.testing import labelled_material_glacis as glacis
from soundforge.testing import labelled_material_henge as henge
from soundforge.testing import labelled_material_hunebed as hunebed
from soundforge.testing import labelled_material_hypogeum as hypogeum
from soundforge.testing import labelled_material_keep as keep
from soundforge.testing import labelled_material_kurgan as kurgan
from soundforge.testing import labelled_material_mamoa as mamoa
from soundforge.testing import labelled_material_mastaba as mastaba
from soundforge.testing import labelled_material_mausoleum as mausoleum
from soundforge.testing import labelled_material_menhir as menhir
from soundforge.testing import labelled_material_motte as motte
from soundforge.testing import labelled_material_naveta as naveta
from soundforge.testing import labelled_material_necropolis as necropolis
from soundforge.testing import labelled_material_nuraghe as nuraghe
from soundforge.testing import labelled_material_obelisk as obelisk
from soundforge.testing import labelled_material_oppidum as oppidum
from soundforge.testing import labelled_material_ossuary as ossuary
from soundforge.testing import labelled_material_palisade as palisade
from soundforge.testing import labelled_material_pyramid as pyramid
from soundforge.testing import labelled_material_quoit as quoit
from soundforge.testing import labelled_material_rampart as rampart
from soundforge.testing import labelled_material_rath as rath
from soundforge.testing import labelled_material_ravelin as ravelin
from soundforge.testing import labelled_material_redoubt as redoubt
from soundforge.testing import labelled_material_reliquary as reliquary
from soundforge.testing import labelled_material_sarcophagus as sarcophagus
from soundforge.testing import labelled_material_sealed as sealed
from soundforge.testing import labelled_material_sepulchre as sepulchre
from soundforge.testing import labelled_material_souterrain as souterrain
from soundforge.testing import labelled_material_stele as stele
from soundforge.testing import labelled_material_stupa as stupa
from soundforge.testing import labelled_material_talayot as talayot
from soundforge.testing import labelled_material_taula as taula
from soundforge.testing import labelled_material_tholos as tholos
from soundforge.testing import labelled_material_tomb as tomb
from soundforge.testing import labelled_material_trilithon as trilithon
from soundforge.testing import labelled_material_tumulus as tumulus
from soundforge.testing import labelled_material_undercroft as undercroft
from soundforge.testing import labelled_material_vault as vault
from soundforge.testing import labelled_material_ziggurat as ziggurat
from soundforge.testing.labelled_notation import (
    CLAP,
    CLOSED_HAT,
    DORIAN,
    KICK,
    LYDIAN,
    MIXOLYDIAN,
    OPEN_HAT,
    PEDAL_HAT,
    PHRYGIAN,
    RIDE,
    RIMSHOT,
    SNARE,
    TAMBOURINE,
    Progression,
    written,
)

# clip_set seeds each split by its index here
SPLITS = (
    "tune",
    "held-out",
    "fresh",
    "blind",
    "sealed",
    "vault",
    "cellar",
    "crypt",
    "tomb",
    "catacomb",
    "ossuary",
    "charnel",
    "sepulchre",
    "barrow",
    "mausoleum",
    "undercroft",
    "reliquary",
    "cenotaph",
    "columbarium",
    "hypogeum",
    "necropolis",
    "tumulus",
    "mastaba",
    "cairn",
    "dolmen",
    "kurgan",
    "tholos",
    "sarcophagus",
    "stupa",
    "pyramid",
    "ziggurat",
    "henge",
    "cromlech",
    "menhir",
    "obelisk",
    "trilithon",
    "stele",
    "cist",
    "broch",
    "nuraghe",
    "talayot",
    "naveta",
    "taula",
    "quoit",
    "hunebed",
    "dysse",
    "anta",
    "mamoa",
    "galgal",
    "fogou",
    "souterrain",
    "crannog",
    "cashel",
    "clochan",
    "rath",
    "castro",
    "motte",
    "oppidum",
    "bailey",
    "barbican",
    "keep",
    "bastion",
    "donjon",
    "citadel",
    "rampart",
    "palisade",
    "bulwark",
    "redoubt",
    "ravelin",
    "casemate",
    "glacis",
)
# Read while choosing (held-out, fresh and blind in passes 1-4; sealed, read twice for the fifth pass's
# numbers, from the sixth on; vault, read once for the sixth pass's, from the seventh on; cellar,
# read once for the seventh pass's, from the eighth on; crypt, read once for the eighth pass's,
# from the ninth on; tomb, read once for the ninth pass's, from the tenth on; catacomb, read once
# for the tenth pass's, from the eleventh on; ossuary, read once for the eleventh pass's, from the
# twelfth on; charnel, read once for the twelfth pass's, from the thirteenth on; sepulchre, read
# once for the thirteenth pass's numbers, from the fourteenth on; barrow, read once for the
# fourteenth pass's numbers, from the fifteenth on; mausoleum, read once for the fifteenth pass's
# numbers, from the sixteenth on; undercroft, read once for the sixteenth pass's numbers, from the
# seventeenth on; reliquary, read once for the seventeenth pass's numbers, from the eighteenth on;
# cenotaph, read once for the eighteenth pass's numbers, from the nineteenth on; columbarium, read
# once for the nineteenth pass's numbers, from the twentieth on): their seed 0 is reported, their
# other seeds trained on. Hypogeum too, read once for the twentieth pass's numbers, from the
# twenty-first on; necropolis, read once for the twenty-first pass's numbers, from the
# twenty-second on; tumulus, read once for the twenty-second pass's numbers, from the
# twenty-third on; mastaba, cairn and dolmen, read once for the twenty-third pass's numbers, from
# the twenty-fourth on; kurgan, read once for the twenty-fourth pass's numbers, from the
# twenty-fifth on; tholos, read once for the twenty-fifth pass's numbers, from the twenty-sixth
# on; sarcophagus, read once for the twenty-sixth pass's numbers, from the twenty-seventh on;
# stupa, read once for the twenty-seventh pass's numbers, from the twenty-eighth on; pyramid, read
# once for the twenty-eighth pass's numbers, from the twenty-ninth on; ziggurat, read once for the
# twenty-ninth pass's numbers, from the thirtieth on; henge, read once for the thirtieth pass's
# numbers, from the thirty-first on; cromlech, read once for the thirty-first pass's numbers, from
# the thirty-second on; menhir, read once for the thirty-second pass's numbers, from the
# thirty-third on; obelisk and trilithon, read once for the thirty-third pass's numbers, from the
# thirty-fourth on; stele, read once for the thirty-fourth pass's numbers, from the thirty-fifth on;
# cist, read once for the thirty-fifth pass's numbers, from the thirty-sixth on; broch, read once
# for the thirty-sixth pass's numbers, from the thirty-seventh on; nuraghe, read once for the
# thirty-seventh pass's numbers, from the thirty-eighth on; talayot, read once for the
# thirty-eighth pass's numbers, from the thirty-ninth on; naveta and taula, read once for the
# thirty-ninth pass's numbers, from the fortieth on; quoit, read once for the fortieth pass's
# numbers, from the forty-first on; hunebed, read once for the forty-first pass's numbers, from
# the forty-second on; dysse, read once for the forty-second pass's numbers, from the forty-third
# on; anta, read once for the forty-third pass's numbers, from the forty-fourth on; mamoa, read once
# for the forty-fourth pass's numbers, from the forty-fifth on; galgal, read once for the
# forty-sixth pass's numbers, from the forty-seventh on; fogou, read once for the forty-seventh
# pass's numbers, from the forty-eighth on; souterrain, read once for the forty-eighth pass's
# numbers, from the forty-ninth on; crannog, read once for the forty-ninth pass's numbers, from the
# fiftieth on; cashel, read once for the fiftieth pass's numbers, from the fifty-first on; clochan,
# read once for the fifty-first pass's numbers, from the fifty-second on; rath, read once for the
# fifty-second pass's numbers, from the fifty-third on; castro, read once for the fifty-third pass's
# numbers, from the fifty-fourth on; motte, read once for the fifty-sixth pass's numbers, from the
# fifty-seventh on; oppidum, read once for the fifty-seventh pass's numbers, from the fifty-eighth
# on; bailey, read once for the fifty-eighth pass's numbers, from the fifty-ninth on; barbican, read
# once for the fifty-ninth pass's numbers, from the sixtieth on; keep, read once for the sixtieth
# pass's numbers, from the sixty-first on; bastion, read once for the sixtieth pass's numbers too,
# from the sixty-first on; donjon, read once for the sixty-first pass's numbers, from the
# sixty-second on; citadel, read once for the sixty-second pass's numbers, from the sixty-third on;
# rampart, read once for the sixty-third pass's numbers, from the sixty-fourth on; palisade, read
# once for the sixty-fourth pass's numbers, from the sixty-fifth on; bulwark, read once for the
# sixty-fifth pass's numbers, from the sixty-sixth on; redoubt, read once for the sixty-eighth
# pass's numbers, from the sixty-ninth on; ravelin, read once for the seventieth pass's numbers,
# from the seventy-first on; casemate, read once for the seventy-first pass's numbers, from the
# seventy-second on. Glacis never.
DEVELOPMENT_SPLITS = (
    "held-out",
    "fresh",
    "blind",
    "sealed",
    "vault",
    "cellar",
    "crypt",
    "tomb",
    "catacomb",
    "ossuary",
    "charnel",
    "sepulchre",
    "barrow",
    "mausoleum",
    "undercroft",
    "reliquary",
    "cenotaph",
    "columbarium",
    "hypogeum",
    "necropolis",
    "tumulus",
    "mastaba",
    "cairn",
    "dolmen",
    "kurgan",
    "tholos",
    "sarcophagus",
    "stupa",
    "pyramid",
    "ziggurat",
    "henge",
    "cromlech",
    "menhir",
    "obelisk",
    "trilithon",
    "stele",
    "cist",
    "broch",
    "nuraghe",
    "talayot",
    "naveta",
    "taula",
    "quoit",
    "hunebed",
    "dysse",
    "anta",
    "mamoa",
    "galgal",
    "fogou",
    "souterrain",
    "crannog",
    "cashel",
    "clochan",
    "rath",
    "castro",
    "motte",
    "oppidum",
    "bailey",
    "barbican",
    "keep",
    "bastion",
    "donjon",
    "citadel",
    "rampart",
    "palisade",
    "bulwark",
    "redoubt",
    "ravelin",
    "casemate",
)

PROGRESSIONS: dict[str, tuple[Progression, ...]] = {
    "dwelling": (
        written("vi-IV-I-V vi-IV-V-I", "major", "9m 5 0 7 9m 5 7 0"),
        written("vi vi IV IV ii ii V I", "major", "9m 9m 5 5 2m 2m 7 0"),
        written("ii-V-I ii-V-vi", "major", "2m7 7d7 0M7 0M7 2m7 7d7 9m7 9m7"),
        written("IV IV I I IV V I I", "major", "5 5 0 0 5 7 0 0"),
        written("I-vi-ii-V", "major", "0 9m 2m 7"),
        written("vi-ii-V-I", "major", "9m 2m 7 0", own="held-out"),
        written("IV-V-vi-vi IV-V-I-I", "major", "5 7 9m 9m 5 7 0 0", own="held-out"),
        written("ii-IV-vi-V ii-IV-V-I", "major", "2m 5 9m 7 2m 5 7 0", own="held-out"),
        written("I-V-vi-IV", "major", "0 7 9m 5", own="tune"),
        written("vi-V-IV-V vi-IV-V-I", "major", "9m 7 5 7 9m 5 7 0", own="tune"),
        written("IVM7-V7-iii7-vi7 IVM7-V7-I-I", "major", "5M7 7d7 4m7 9m7 5M7 7d7 0 0", own="tune"),
        written("ii7 ii7 V7 V7 IM7 IM7 IVM7 IVM7", "major", "2m7 2m7 7d7 7d7 0M7 0M7 5M7 5M7", own="tune"),
        written("vi-iii-IV-I", "major", "9m 4m 5 0", own="tune"),
        written("I-IV-ii-V", "major", "0 5 2m 7", own="tune"),
        written("i-VI-III-VII i-VI-iv-V", "minor", "0m 8 3 10 0m 8 5m 7"),
        written("III III VI VI iv V i i", "minor", "3 3 8 8 5m 7 0m 0m"),
        written("iv iv i i VI iv V i", "minor", "5m 5m 0m 0m 8 5m 7 0m"),
        written("i-VII-VI-V", "minor", "0m 10 8 7"),
        written("i-iv-VII-III VI-iv-V-i", "minor", "0m 5m 10 3 8 5m 7 0m", own="held-out"),
        written("VI-VII-i-i VI-VII-V-i", "minor", "8 10 0m 0m 8 10 7 0m", own="held-out"),
        written("i-III-VII-iv i-III-V7-i", "minor", "0m 3 10 5m 0m 3 7d7 0m", own="held-out"),
        written("i-iv-v-i", "minor", "0m 5m 7m 0m", own="tune"),
        written("iv-VII-III-VI iv-V-i-i", "minor", "5m 10 3 8 5m 7 0m 0m", own="tune"),
        written("i-VI-VII-i i-iv-V7-i", "minor", "0m 8 10 0m 0m 5m 7d7 0m", own="tune"),
        written("VI-III-VII-i", "minor", "8 3 10 0m", own="tune"),
        written("I-V-vi-iii IV-I-IV-V", "major", "0 7 9m 4m 5 0 5 7", own="fresh"),
        written("ii-V-iii-vi ii-V-I-I", "major", "2m 7 4m 9m 2m 7 0 0", own="fresh"),
        written("I-iii-IV-iv", "major", "0 4m 5 5m", own="fresh"),
        written("i-v-iv-i VI-iv-V7-i", "minor", "0m 7m 5m 0m 8 5m 7d7 0m", own="fresh"),
        written("i-VII-VI-VII", "minor", "0m 10 8 10", own="fresh"),
        *blind.PROGRESSIONS["dwelling"],
        *sealed.PROGRESSIONS["dwelling"],
        *vault.PROGRESSIONS["dwelling"],
        *cellar.PROGRESSIONS["dwelling"],
        *crypt.PROGRESSIONS["dwelling"],
        *tomb.PROGRESSIONS["dwelling"],
        *catacomb.PROGRESSIONS["dwelling"],
        *ossuary.PROGRESSIONS["dwelling"],
        *charnel.PROGRESSIONS["dwelling"],
        *sepulchre.PROGRESSIONS["dwelling"],
        *barrow.PROGRESSIONS["dwelling"],
        *mausoleum.PROGRESSIONS["dwelling"],
        *undercroft.PROGRESSIONS["dwelling"],
        *reliquary.PROGRESSIONS["dwelling"],
        *cenotaph.PROGRESSIONS["dwelling"],
        *columbarium.PROGRESSIONS["dwelling"],
        *hypogeum.PROGRESSIONS["dwelling"],
        *necropolis.PROGRESSIONS["dwelling"],
        *tumulus.PROGRESSIONS["dwelling"],
        *mastaba.PROGRESSIONS["dwelling"],
        *cairn.PROGRESSIONS["dwelling"],
        *dolmen.PROGRESSIONS["dwelling"],
        *kurgan.PROGRESSIONS["dwelling"],
        *tholos.PROGRESSIONS["dwelling"],
        *sarcophagus.PROGRESSIONS["dwelling"],
        *stupa.PROGRESSIONS["dwelling"],
        *pyramid.PROGRESSIONS["dwelling"],
        *ziggurat.PROGRESSIONS["dwelling"],
        *henge.PROGRESSIONS["dwelling"],
        *cromlech.PROGRESSIONS["dwelling"],
        *menhir.PROGRESSIONS["dwelling"],
        *obelisk.PROGRESSIONS["dwelling"],
        *trilithon.PROGRESSIONS["dwelling"],
        *stele.PROGRESSIONS["dwelling"],
        *cist.PROGRESSIONS["dwelling"],
        *broch.PROGRESSIONS["dwelling"],
        *nuraghe.PROGRESSIONS["dwelling"],
        *talayot.PROGRESSIONS["dwelling"],
        *naveta.PROGRESSIONS["dwelling"],
        *taula.PROGRESSIONS["dwelling"],
        *quoit.PROGRESSIONS["dwelling"],
        *hunebed.PROGRESSIONS["dwelling"],
        *dysse.PROGRESSIONS["dwelling"],
        *anta.PROGRESSIONS["dwelling"],
        *mamoa.PROGRESSIONS["dwelling"],
        *galgal.PROGRESSIONS["dwelling"],
        *fogou.PROGRESSIONS["dwelling"],
        *souterrain.PROGRESSIONS["dwelling"],
        *crannog.PROGRESSIONS["dwelling"],
        *cashel.PROGRESSIONS["dwelling"],
        *clochan.PROGRESSIONS["dwelling"],
        *rath.PROGRESSIONS["dwelling"],
        *castro.PROGRESSIONS["dwelling"],
        *motte.PROGRESSIONS["dwelling"],
        *oppidum.PROGRESSIONS["dwelling"],
        *bailey.PROGRESSIONS["dwelling"],
        *barbican.PROGRESSIONS["dwelling"],
        *keep.PROGRESSIONS["dwelling"],
        *bastion.PROGRESSIONS["dwelling"],
        *donjon.PROGRESSIONS["dwelling"],
        *citadel.PROGRESSIONS["dwelling"],
        *rampart.PROGRESSIONS["dwelling"],
        *palisade.PROGRESSIONS["dwelling"],
        *bulwark.PROGRESSIONS["dwelling"],
        *redoubt.PROGRESSIONS["dwelling"],
        *ravelin.PROGRESSIONS["dwelling"],
        *casemate.PROGRESSIONS["dwelling"],
        *glacis.PROGRESSIONS["dwelling"],
    ),
    "modal": (
        written("dorian i7-IV-i7-i7", "minor", "0m7 5 0m7 0m7", DORIAN),
        written("mixolydian I-bVII-IV-I", "major", "0 10 5 0", MIXOLYDIAN),
        written("aeolian i-VI-VII-i", "minor", "0m 8 10 0m"),
        written("phrygian i-bII-i-i", "minor", "0m 1 0m 0m", PHRYGIAN, own="held-out"),
        written("lydian I-II-I-I", "major", "0 2 0 0", LYDIAN, own="held-out"),
        written("dorian i7-ii7-i7-IV", "minor", "0m7 2m7 0m7 5", DORIAN, own="held-out"),
        written("mixolydian I-bVII-I-IV", "major", "0 10 0 5", MIXOLYDIAN, own="held-out"),
        written("phrygian i-bII-bvii-i", "minor", "0m 1 10m 0m", PHRYGIAN, own="tune"),
        written("lydian I-II-I-vii", "major", "0 2 0 11m", LYDIAN, own="tune"),
        written("dorian i-ii-IV-i", "minor", "0m 2m 5 0m", DORIAN, own="tune"),
        written("mixolydian I-v-IV-I", "major", "0 7m 5 0", MIXOLYDIAN, own="tune"),
        written("aeolian i-iv-VII-i", "minor", "0m 5m 10 0m", own="tune"),
        # The fifth pass: more vamps per mode, so the key weights learn that a vamp's home chord
        # outweighs which major scale its chords fit (a lydian I-II-V-I is all in V's scale).
        written("mixolydian I-v-bVII-I", "major", "0 7m 10 0", MIXOLYDIAN, own="tune"),
        written("mixolydian I I bVII IV", "major", "0 0 10 5", MIXOLYDIAN, own="tune"),
        written("lydian I-V-II-I", "major", "0 7 2 0", LYDIAN, own="tune"),
        written("lydian I-II-I-V", "major", "0 2 0 7", LYDIAN, own="tune"),
        written("dorian i-IV-v-i", "minor", "0m 5 7m 0m", DORIAN, own="tune"),
        written("phrygian i-bII-iv-i", "minor", "0m 1 5m 0m", PHRYGIAN, own="tune"),
        written("phrygian i i bII bVII", "minor", "0m 0m 1 10", PHRYGIAN, own="tune"),
        written("harmonic minor i-V7-i-iv", "minor", "0m 7d7 0m 5m", (0, 2, 3, 5, 7, 8, 11), own="fresh"),
        written("lydian I-II-iii-I", "major", "0 2 4m 0", LYDIAN, own="fresh"),
        written("dorian i7-IV7-i7-v7", "minor", "0m7 5d7 0m7 7m7", DORIAN, own="fresh"),
        *blind.PROGRESSIONS["modal"],
        *sealed.PROGRESSIONS["modal"],
        *vault.PROGRESSIONS["modal"],
        *cellar.PROGRESSIONS["modal"],
        *crypt.PROGRESSIONS["modal"],
        *tomb.PROGRESSIONS["modal"],
        *catacomb.PROGRESSIONS["modal"],
        *ossuary.PROGRESSIONS["modal"],
        *charnel.PROGRESSIONS["modal"],
        *sepulchre.PROGRESSIONS["modal"],
        *barrow.PROGRESSIONS["modal"],
        *mausoleum.PROGRESSIONS["modal"],
        *undercroft.PROGRESSIONS["modal"],
        *reliquary.PROGRESSIONS["modal"],
        *cenotaph.PROGRESSIONS["modal"],
        *columbarium.PROGRESSIONS["modal"],
        *hypogeum.PROGRESSIONS["modal"],
        *necropolis.PROGRESSIONS["modal"],
        *tumulus.PROGRESSIONS["modal"],
        *mastaba.PROGRESSIONS["modal"],
        *cairn.PROGRESSIONS["modal"],
        *dolmen.PROGRESSIONS["modal"],
        *kurgan.PROGRESSIONS["modal"],
        *tholos.PROGRESSIONS["modal"],
        *sarcophagus.PROGRESSIONS["modal"],
        *stupa.PROGRESSIONS["modal"],
        *pyramid.PROGRESSIONS["modal"],
        *ziggurat.PROGRESSIONS["modal"],
        *henge.PROGRESSIONS["modal"],
        *cromlech.PROGRESSIONS["modal"],
        *menhir.PROGRESSIONS["modal"],
        *obelisk.PROGRESSIONS["modal"],
        *trilithon.PROGRESSIONS["modal"],
        *stele.PROGRESSIONS["modal"],
        *cist.PROGRESSIONS["modal"],
        *broch.PROGRESSIONS["modal"],
        *nuraghe.PROGRESSIONS["modal"],
        *talayot.PROGRESSIONS["modal"],
        *naveta.PROGRESSIONS["modal"],
        *taula.PROGRESSIONS["modal"],
        *quoit.PROGRESSIONS["modal"],
        *hunebed.PROGRESSIONS["modal"],
        *dysse.PROGRESSIONS["modal"],
        *anta.PROGRESSIONS["modal"],
        *mamoa.PROGRESSIONS["modal"],
        *galgal.PROGRESSIONS["modal"],
        *fogou.PROGRESSIONS["modal"],
        *souterrain.PROGRESSIONS["modal"],
        *crannog.PROGRESSIONS["modal"],
        *cashel.PROGRESSIONS["modal"],
        *clochan.PROGRESSIONS["modal"],
        *rath.PROGRESSIONS["modal"],
        *castro.PROGRESSIONS["modal"],
        *motte.PROGRESSIONS["modal"],
        *oppidum.PROGRESSIONS["modal"],
        *bailey.PROGRESSIONS["modal"],
        *barbican.PROGRESSIONS["modal"],
        *keep.PROGRESSIONS["modal"],
        *bastion.PROGRESSIONS["modal"],
        *donjon.PROGRESSIONS["modal"],
        *citadel.PROGRESSIONS["modal"],
        *rampart.PROGRESSIONS["modal"],
        *palisade.PROGRESSIONS["modal"],
        *bulwark.PROGRESSIONS["modal"],
        *redoubt.PROGRESSIONS["modal"],
        *ravelin.PROGRESSIONS["modal"],
        *casemate.PROGRESSIONS["modal"],
        *glacis.PROGRESSIONS["modal"],
    ),
    "ambiguous": (
        written("vi vi I I vi IV V I", "major", "9m 9m 0 0 9m 5 7 0"),
        written("III III i i III VI V i", "minor", "3 3 0m 0m 3 8 7 0m"),
        written("I-iii-vi-vi IV-iii-ii-V7", "major", "0 4m 9m 9m 5 4m 2m 7d7", own="held-out"),
        written("i i III VII VI VI VII i", "minor", "0m 0m 3 10 8 8 10 0m", own="held-out"),
        written("vi vi I V vi IV I I", "major", "9m 9m 0 7 9m 5 0 0", own="tune"),
        written("i III i III VI III V i", "minor", "0m 3 0m 3 8 3 7 0m", own="tune"),
        written("vi vi vi I IV IV V I", "major", "9m 9m 9m 0 5 5 7 0", own="fresh"),
        written("III III VII VII i i V i", "minor", "3 3 10 10 0m 0m 7 0m", own="fresh"),
        *blind.PROGRESSIONS["ambiguous"],
        *sealed.PROGRESSIONS["ambiguous"],
        *vault.PROGRESSIONS["ambiguous"],
        *cellar.PROGRESSIONS["ambiguous"],
        *crypt.PROGRESSIONS["ambiguous"],
        *tomb.PROGRESSIONS["ambiguous"],
        *catacomb.PROGRESSIONS["ambiguous"],
        *ossuary.PROGRESSIONS["ambiguous"],
        *charnel.PROGRESSIONS["ambiguous"],
        *sepulchre.PROGRESSIONS["ambiguous"],
        *barrow.PROGRESSIONS["ambiguous"],
        *mausoleum.PROGRESSIONS["ambiguous"],
        *undercroft.PROGRESSIONS["ambiguous"],
        *reliquary.PROGRESSIONS["ambiguous"],
        *cenotaph.PROGRESSIONS["ambiguous"],
        *columbarium.PROGRESSIONS["ambiguous"],
        *hypogeum.PROGRESSIONS["ambiguous"],
        *necropolis.PROGRESSIONS["ambiguous"],
        *tumulus.PROGRESSIONS["ambiguous"],
        *mastaba.PROGRESSIONS["ambiguous"],
        *cairn.PROGRESSIONS["ambiguous"],
        *dolmen.PROGRESSIONS["ambiguous"],
        *kurgan.PROGRESSIONS["ambiguous"],
        *tholos.PROGRESSIONS["ambiguous"],
        *sarcophagus.PROGRESSIONS["ambiguous"],
        *stupa.PROGRESSIONS["ambiguous"],
        *pyramid.PROGRESSIONS["ambiguous"],
        *ziggurat.PROGRESSIONS["ambiguous"],
        *henge.PROGRESSIONS["ambiguous"],
        *cromlech.PROGRESSIONS["ambiguous"],
        *menhir.PROGRESSIONS["ambiguous"],
        *obelisk.PROGRESSIONS["ambiguous"],
        *trilithon.PROGRESSIONS["ambiguous"],
        *stele.PROGRESSIONS["ambiguous"],
        *cist.PROGRESSIONS["ambiguous"],
        *broch.PROGRESSIONS["ambiguous"],
        *nuraghe.PROGRESSIONS["ambiguous"],
        *talayot.PROGRESSIONS["ambiguous"],
        *naveta.PROGRESSIONS["ambiguous"],
        *taula.PROGRESSIONS["ambiguous"],
        *quoit.PROGRESSIONS["ambiguous"],
        *hunebed.PROGRESSIONS["ambiguous"],
        *dysse.PROGRESSIONS["ambiguous"],
        *anta.PROGRESSIONS["ambiguous"],
        *mamoa.PROGRESSIONS["ambiguous"],
        *galgal.PROGRESSIONS["ambiguous"],
        *fogou.PROGRESSIONS["ambiguous"],
        *souterrain.PROGRESSIONS["ambiguous"],
        *crannog.PROGRESSIONS["ambiguous"],
        *cashel.PROGRESSIONS["ambiguous"],
        *clochan.PROGRESSIONS["ambiguous"],
        *rath.PROGRESSIONS["ambiguous"],
        *castro.PROGRESSIONS["ambiguous"],
        *motte.PROGRESSIONS["ambiguous"],
        *oppidum.PROGRESSIONS["ambiguous"],
        *bailey.PROGRESSIONS["ambiguous"],
        *barbican.PROGRESSIONS["ambiguous"],
        *keep.PROGRESSIONS["ambiguous"],
        *bastion.PROGRESSIONS["ambiguous"],
        *donjon.PROGRESSIONS["ambiguous"],
        *citadel.PROGRESSIONS["ambiguous"],
        *rampart.PROGRESSIONS["ambiguous"],
        *palisade.PROGRESSIONS["ambiguous"],
        *bulwark.PROGRESSIONS["ambiguous"],
        *redoubt.PROGRESSIONS["ambiguous"],
        *ravelin.PROGRESSIONS["ambiguous"],
        *casemate.PROGRESSIONS["ambiguous"],
        *glacis.PROGRESSIONS["ambiguous"],
    ),
}
# Free-time clips are short (a few chords): plain cadential progressions keep their label clear.
CADENTIAL = (
    written("I-IV-V-I", "major", "0 5 7 0"),
    written("I-vi-IV-V7-I", "major", "0 9m 5 7d7 0"),
    written("i-iv-V-i", "minor", "0m 5m 7 0m"),
    written("i-VI-iv-V-i", "minor", "0m 8 5m 7 0m"),
)
# (beats per bar, subdivisions per beat), as in music.METERS; 12/8 came with the fresh split, 5/4 with
# blind, and sealed, vault, cellar, crypt, tomb, catacomb, ossuary, charnel, sepulchre, barrow,
# mausoleum, undercroft, reliquary, cenotaph, columbarium, hypogeum, necropolis, tumulus, mastaba,
# cairn, dolmen, kurgan, tholos, sarcophagus, stupa, pyramid, ziggurat, henge, cromlech, menhir,
# obelisk, trilithon, stele, cist, broch, nuraghe, talayot, naveta, taula, quoit, hunebed, dysse,
# anta, mamoa, galgal, fogou, souterrain, crannog, cashel, clochan, rath, castro, motte, oppidum,
# bailey, barbican, keep, bastion, donjon, citadel, rampart, palisade, bulwark, redoubt, ravelin,
# casemate and glacis each brought one of their own (undercroft's the first to move in sixteenths,
# reliquary's the first in three beats of sixteenths, cenotaph's in two, columbarium's in five,
# hypogeum's in seven, cairn's in six, dolmen's in eight, kurgan's in nine, tholos's in ten,
# sarcophagus's in eleven; necropolis's seven beats of three eighths; tumulus's eleven quarters;
# mastaba's nine beats of three eighths; the splits not yet read keep theirs to their own modules).
METERS = {
    "4/4": (4, 2),
    "3/4": (3, 2),
    "6/8": (2, 3),
    "12/8": (4, 3),
    "5/4": (5, 2),
    sealed.METER: sealed.METER_LAYOUT,
    vault.METER: vault.METER_LAYOUT,
    cellar.METER: cellar.METER_LAYOUT,
    crypt.METER: crypt.METER_LAYOUT,
    tomb.METER: tomb.METER_LAYOUT,
    catacomb.METER: catacomb.METER_LAYOUT,
    ossuary.METER: ossuary.METER_LAYOUT,
    charnel.METER: charnel.METER_LAYOUT,
    sepulchre.METER: sepulchre.METER_LAYOUT,
    barrow.METER: barrow.METER_LAYOUT,
    mausoleum.METER: mausoleum.METER_LAYOUT,
    undercroft.METER: undercroft.METER_LAYOUT,
    reliquary.METER: reliquary.METER_LAYOUT,
    cenotaph.METER: cenotaph.METER_LAYOUT,
    columbarium.METER: columbarium.METER_LAYOUT,
    hypogeum.METER: hypogeum.METER_LAYOUT,
    necropolis.METER: necropolis.METER_LAYOUT,
    tumulus.METER: tumulus.METER_LAYOUT,
    mastaba.METER: mastaba.METER_LAYOUT,
    cairn.METER: cairn.METER_LAYOUT,
    dolmen.METER: dolmen.METER_LAYOUT,
    kurgan.METER: kurgan.METER_LAYOUT,
    tholos.METER: tholos.METER_LAYOUT,
    sarcophagus.METER: sarcophagus.METER_LAYOUT,
    stupa.METER: stupa.METER_LAYOUT,
    pyramid.METER: pyramid.METER_LAYOUT,
    ziggurat.METER: ziggurat.METER_LAYOUT,
    henge.METER: henge.METER_LAYOUT,
    cromlech.METER: cromlech.METER_LAYOUT,
    menhir.METER: menhir.METER_LAYOUT,
    obelisk.METER: obelisk.METER_LAYOUT,
    trilithon.METER: trilithon.METER_LAYOUT,
    stele.METER: stele.METER_LAYOUT,
    cist.METER: cist.METER_LAYOUT,
    broch.METER: broch.METER_LAYOUT,
    nuraghe.METER: nuraghe.METER_LAYOUT,
    talayot.METER: talayot.METER_LAYOUT,
    naveta.METER: naveta.METER_LAYOUT,
    taula.METER: taula.METER_LAYOUT,
    quoit.METER: quoit.METER_LAYOUT,
    hunebed.METER: hunebed.METER_LAYOUT,
    dysse.METER: dysse.METER_LAYOUT,
    anta.METER: anta.METER_LAYOUT,
    mamoa.METER: mamoa.METER_LAYOUT,
    galgal.METER: galgal.METER_LAYOUT,
    fogou.METER: fogou.METER_LAYOUT,
    souterrain.METER: souterrain.METER_LAYOUT,
    crannog.METER: crannog.METER_LAYOUT,
    cashel.METER: cashel.METER_LAYOUT,
    clochan.METER: clochan.METER_LAYOUT,
    rath.METER: rath.METER_LAYOUT,
    castro.METER: castro.METER_LAYOUT,
    motte.METER: motte.METER_LAYOUT,
    oppidum.METER: oppidum.METER_LAYOUT,
    bailey.METER: bailey.METER_LAYOUT,
    barbican.METER: barbican.METER_LAYOUT,
    keep.METER: keep.METER_LAYOUT,
    bastion.METER: bastion.METER_LAYOUT,
    donjon.METER: donjon.METER_LAYOUT,
    citadel.METER: citadel.METER_LAYOUT,
    rampart.METER: rampart.METER_LAYOUT,
    palisade.METER: palisade.METER_LAYOUT,
    bulwark.METER: bulwark.METER_LAYOUT,
    redoubt.METER: redoubt.METER_LAYOUT,
    ravelin.METER: ravelin.METER_LAYOUT,
    casemate.METER: casemate.METER_LAYOUT,
    glacis.METER: glacis.METER_LAYOUT,
}
# General MIDI programs by role: every split's, then each split's own (the held-out split has none;
# a split in ONLY_OWN_PROGRAMS draws its own alone).
CHORD_PROGRAMS = (0, 1, 4, 16, 19, 24, 25, 48, 52, 89)
BASS_PROGRAMS = (32, 33, 34, 38)
LEAD_PROGRAMS = (11, 40, 56, 71, 73, 80)
OWN_PROGRAMS: dict[str, dict[str, tuple[int, ...]]] = {
    "tune": {
        "chord": (2, 5, 6, 11, 26, 27, 29, 46, 50, 61, 88),
        "bass": (35, 36, 39, 43),
        "lead": (22, 57, 60, 65, 68, 81),
    },
    "held-out": {"chord": (), "bass": (), "lead": ()},
    "fresh": {
        "chord": (3, 7, 17, 20, 21, 28, 49, 53, 62, 90),
        "bass": (37, 42, 58, 87),
        "lead": (64, 66, 69, 74, 79, 83),
    },
    "blind": blind.PROGRAMS,
    "sealed": sealed.PROGRAMS,
    "vault": vault.PROGRAMS,
    "cellar": cellar.PROGRAMS,
    "crypt": crypt.PROGRAMS,
    "tomb": tomb.PROGRAMS,
    "catacomb": catacomb.PROGRAMS,
    "ossuary": ossuary.PROGRAMS,
    "charnel": charnel.PROGRAMS,
    "sepulchre": sepulchre.PROGRAMS,
    "barrow": barrow.PROGRAMS,
    "mausoleum": mausoleum.PROGRAMS,
    "undercroft": undercroft.PROGRAMS,
    "reliquary": reliquary.PROGRAMS,
    "cenotaph": cenotaph.PROGRAMS,
    "columbarium": columbarium.PROGRAMS,
    "hypogeum": hypogeum.PROGRAMS,
    "necropolis": necropolis.PROGRAMS,
    "tumulus": tumulus.PROGRAMS,
    "mastaba": mastaba.PROGRAMS,
    "cairn": cairn.PROGRAMS,
    "dolmen": dolmen.PROGRAMS,
    "kurgan": kurgan.PROGRAMS,
    "tholos": tholos.PROGRAMS,
    "sarcophagus": sarcophagus.PROGRAMS,
    "stupa": stupa.PROGRAMS,
    "pyramid": pyramid.PROGRAMS,
    "ziggurat": ziggurat.PROGRAMS,
    "henge": henge.PROGRAMS,
    "cromlech": cromlech.PROGRAMS,
    "menhir": menhir.PROGRAMS,
    "obelisk": obelisk.PROGRAMS,
    "trilithon": trilithon.PROGRAMS,
    "stele": stele.PROGRAMS,
    "cist": cist.PROGRAMS,
    "broch": broch.PROGRAMS,
    "nuraghe": nuraghe.PROGRAMS,
    "talayot": talayot.PROGRAMS,
    "naveta": naveta.PROGRAMS,
    "taula": taula.PROGRAMS,
    "quoit": quoit.PROGRAMS,
    "hunebed": hunebed.PROGRAMS,
    "dysse": dysse.PROGRAMS,
    "anta": anta.PROGRAMS,
    "mamoa": mamoa.PROGRAMS,
    "galgal": galgal.PROGRAMS,
    "fogou": fogou.PROGRAMS,
    "souterrain": souterrain.PROGRAMS,
    "crannog": crannog.PROGRAMS,
    "cashel": cashel.PROGRAMS,
    "clochan": clochan.PROGRAMS,
    "rath": rath.PROGRAMS,
    "castro": castro.PROGRAMS,
    "motte": motte.PROGRAMS,
    "oppidum": oppidum.PROGRAMS,
    "bailey": bailey.PROGRAMS,
    "barbican": barbican.PROGRAMS,
    "keep": keep.PROGRAMS,
    "bastion": bastion.PROGRAMS,
    "donjon": donjon.PROGRAMS,
    "citadel": citadel.PROGRAMS,
    "rampart": rampart.PROGRAMS,
    "palisade": palisade.PROGRAMS,
    "bulwark": bulwark.PROGRAMS,
    "redoubt": redoubt.PROGRAMS,
    "ravelin": ravelin.PROGRAMS,
    "casemate": casemate.PROGRAMS,
    "glacis": glacis.PROGRAMS,
}
# Splits whose sample set lacks some of the programs every other split shares (sepulchre's patch set
# has no choir, warm pad or vibraphone; barrow's recordings no choir, pad, vibraphone or electric
# piano; mausoleum's no choir, vibraphone, electric piano or strings; undercroft's models no choir,
# vibraphone, strings or guitar; reliquary's strings no piano, organ, pad, choir, brass or reed;
# cenotaph's set lacks most of them too, columbarium's voices, organs and mallets no piano, guitar,
# strings, brass or reed, hypogeum's phase-distortion patches no piano, guitar, organ, voice or reed,
# necropolis's FM patches no guitar, voice or reed, tumulus's waveshaping patches no guitar, voice or
# plain piano, mastaba's wavetable patches no guitar, voice or plain piano, cairn's granular patches no
# plain piano, guitar, brass or reed, dolmen's chip patches no plain piano, guitar or voice, kurgan's
# vocoder patches no plain piano, guitar or reed, tholos's organs and reeds no piano, guitar, brass or
# voice, sarcophagus's bars and bells no piano, guitar, brass, reed or voice, stupa's keyboard strings
# no guitar, brass, reed, voice or organ, pyramid's additive patches no piano, organ or guitar,
# ziggurat's drone strings no piano, organ, guitar, brass, reed or voice, henge's linear-arithmetic
# tones no organ, cromlech's brass and reeds no piano, guitar, organ or voice, menhir's tape frames no
# piano, pad or synth lead, obelisk's bowed strings no piano, guitar, organ, brass, reed or voice,
# trilithon's fretted strings no piano, organ, brass, reed or voice, stele's pipe organ no piano,
# guitar or voice, cist's early electronic instruments no piano, guitar or brass, broch's glass and
# friction instruments no piano, guitar, organ, brass, reed or voice, nuraghe's wind and water
# instruments no piano, guitar, organ, brass, reed or voice, talayot's mechanical music no piano,
# guitar, organ, brass, reed or voice, naveta's instruments of stone, earth and wood no piano, guitar,
# organ, brass, reed or voice, taula's gamelan bronzes no piano, guitar, organ, brass, reed or voice,
# quoit's toys no piano, guitar, organ, brass, reed or voice, hunebed's psalteries no piano, guitar,
# organ, brass, reed or voice, dysse's mouth harps no piano, guitar, organ, brass, reed or voice, anta's
# wheel-bowed strings no piano, guitar, organ, brass, reed or voice, mamoa's vessel flutes no piano,
# guitar, organ, brass, reed or voice, galgal's mirlitons no piano, guitar, organ, brass, reed or
# voice, fogou's singing flames no piano, guitar, organ, brass, reed or voice, souterrain's sirens
# no piano, guitar, organ, brass, reed or voice, crannog's sparks and arcs no piano, guitar, organ,
# brass, reed or voice, cashel's steppers and drives no piano, guitar, organ, brass, reed or voice,
# clochan's crickets, cicadas and frogs no piano, guitar, organ, brass, reed or voice, rath's birds no
# piano, guitar, organ, brass, reed or voice, castro's strings, bars and forks driven by electromagnets
# no piano, guitar, organ, brass, reed or voice of the kinds every other split shares, motte's
# light-tone instruments no piano, guitar, organ, brass, reed or voice of the kinds every other split
# shares, oppidum's musical bows and string drums no piano, guitar, organ, brass, reed or voice of the
# kinds every other split shares, bailey's harps no piano, guitar, organ, brass, reed or voice of the
# kinds every other split shares, barbican's skins tuned to notes no piano, guitar, organ, brass, reed
# or voice of the kinds every other split shares, keep's bamboo tubes tuned to notes no piano, guitar,
# organ, brass, reed or voice of the kinds every other split shares, bastion's free-reed mouth organs no
# piano, guitar, organ, brass, reed or voice of the kinds every other split shares, donjon's handpans
# and steel tongue drums no piano, guitar, organ, brass, reed or voice of the kinds every other split
# shares, citadel's steel guitars no piano, guitar, organ, brass, reed or voice of the kinds every other
# split shares, rampart's flutes blown across an edge no piano, guitar, organ, brass, reed or voice of
# the kinds every other split shares, palisade's lamellophones no piano, guitar, organ, brass, reed or
# voice of the kinds every other split shares, bulwark's bagpipes no piano, guitar, organ, brass, reed
# or voice of the kinds every other split shares, redoubt's huqin no piano, guitar, organ, brass, reed or
# voice of the kinds every other split shares, ravelin's frame xylophones no piano, guitar, organ, brass,
# reed or voice of the kinds every other split shares, casemate's clavichords and tangent pianos no
# piano, guitar, organ, brass, reed or voice of the kinds every other split shares, glacis's koras,
# n'goni, bolon and adungu no piano, guitar, organ, brass, reed or voice of the kinds every other split
# shares): they draw their own programs only.
ONLY_OWN_PROGRAMS = (
    "sepulchre",
    "barrow",
    "mausoleum",
    "undercroft",
    "reliquary",
    "cenotaph",
    "columbarium",
    "hypogeum",
    "necropolis",
    "tumulus",
    "mastaba",
    "cairn",
    "dolmen",
    "kurgan",
    "tholos",
    "sarcophagus",
    "stupa",
    "pyramid",
    "ziggurat",
    "henge",
    "cromlech",
    "menhir",
    "obelisk",
    "trilithon",
    "stele",
    "cist",
    "broch",
    "nuraghe",
    "talayot",
    "naveta",
    "taula",
    "quoit",
    "hunebed",
    "dysse",
    "anta",
    "mamoa",
    "galgal",
    "fogou",
    "souterrain",
    "crannog",
    "cashel",
    "clochan",
    "rath",
    "castro",
    "motte",
    "oppidum",
    "bailey",
    "barbican",
    "keep",
    "bastion",
    "donjon",
    "citadel",
    "rampart",
    "palisade",
    "bulwark",
    "redoubt",
    "ravelin",
    "casemate",
    "glacis",
)
# The General MIDI soundfont a split renders through, where it is not midi_render.SOUNDFONT: with
# every program drawn by some split, crypt's, tomb's, catacomb's, ossuary's and charnel's timbres
# are new by their samples, and sepulchre's, whose sample set is a TiMidity++ configuration of GUS
# patches that TiMidity++ renders (midi_render.renders_with_timidity), by their samples and their
# synthesizer, and barrow's and mausoleum's, recordings that are no soundfont at all
# (sample_render.SAMPLE_SETS; mausoleum's none of barrow's), by their samples and the sample player
# that plays them, and undercroft's, no samples at all but STK's instrument models
# (stk_render.MODEL_SETS), by their synthesis, and reliquary's, neither samples nor a synthesizer's
# program but waveguide string models computed in numpy (waveguide_render.STRING_SETS), by their
# physics, and cenotaph's, patches computed in numpy (analog_render.PATCH_SETS), by their synthesis,
# and columbarium's, formant voices, additive organs and mallets computed in numpy
# (formant_render.TIMBRE_SETS), by theirs, and hypogeum's, phase-distortion patches computed in numpy
# (phase_render.PHASE_SETS), by theirs, and necropolis's, operator FM patches computed in numpy
# (fm_render.FM_SETS), by theirs, and tumulus's, waveshaping patches computed in numpy
# (shaper_render.SHAPER_SETS), by theirs, and mastaba's, wavetable patches computed in numpy
# (wavetable_render.WAVETABLE_SETS), by theirs, and cairn's, granular patches computed in numpy
# (grain_render.GRAIN_SETS), by theirs, and dolmen's, a sound chip's channels computed in numpy
# (chip_render.CHIP_SETS), by theirs, and kurgan's, vocoder and talk-box patches computed in numpy
# (vocoder_render.VOCODER_SETS), by theirs, and tholos's, tonewheel organs and free reeds computed in
# numpy (tonewheel_render.TONEWHEEL_SETS), by theirs, and sarcophagus's, tuned bars, bells, plates and
# tines computed in numpy by modal synthesis (modal_render.MODAL_SETS), by theirs, and stupa's, struck and
# plucked keyboard strings and electric pianos computed in numpy (hammer_render.HAMMER_SETS), by
# theirs, and pyramid's, additive resynthesis patches computed in numpy (additive_render.ADDITIVE_SETS),
# by theirs, and ziggurat's, drone strings over a buzzing bridge computed in numpy
# (jawari_render.JAWARI_SETS), by theirs, and henge's, linear-arithmetic tones computed in numpy
# (arithmetic_render.ARITHMETIC_SETS), by theirs, and cromlech's, brass and reeds computed in numpy
# (bore_render.BORE_SETS), by theirs, and menhir's, a tape-replay keyboard's frames computed in numpy
# (tape_render.TAPE_SETS), by theirs, and obelisk's, bowed-string physics computed in numpy
# (bow_render.BOW_SETS), by theirs, and trilithon's, a fretted-string band's physics computed in
# numpy (fret_render.FRET_SETS), by theirs, and stele's, a pipe organ's ranks computed in numpy
# (pipe_render.PIPE_SETS), by theirs, and cist's, early electronic instruments computed in numpy
# (ether_render.ETHER_SETS), by theirs, and broch's, glass and friction instruments computed in
# numpy (glass_render.GLASS_SETS), by theirs, and nuraghe's, instruments that wind and water sound
# computed in numpy (flow_render.FLOW_SETS), by theirs, and talayot's, mechanical music computed in
# numpy (barrel_render.BARREL_SETS), by theirs, and naveta's, instruments of stone, earth and wood
# computed in numpy (earth_render.EARTH_SETS), by theirs, and taula's, a gamelan's bronzes computed in
# numpy (bronze_render.BRONZE_SETS), by theirs, and quoit's, a nursery's toys computed in numpy
# (toy_render.TOY_SETS), by theirs, and hunebed's, psalteries plucked by hand computed in numpy
# (psaltery_render.PSALTERY_SETS), by theirs, and dysse's, mouth harps plucked at the lips computed in
# numpy (trump_render.TRUMP_SETS), by theirs, and anta's, strings bowed by a wheel computed in numpy
# (gurdy_render.GURDY_SETS), by theirs, and mamoa's, vessel flutes and blown vessels computed in numpy
# (vessel_render.VESSEL_SETS), by theirs, and galgal's, mirlitons, membranes set buzzing by a
# player's voice, computed in numpy (mirliton_render.MIRLITON_SETS), by theirs, and fogou's, singing
# flames, tubes set sounding by heat, computed in numpy (flame_render.FLAME_SETS), by theirs, and
# souterrain's, sirens, air chopped by turning discs and sliding pistons, computed in numpy
# (siren_render.SIREN_SETS), by theirs, and crannog's, sparks and arcs, electric discharges that
# sing, computed in numpy (spark_render.SPARK_SETS), by theirs, and cashel's, steppers and drives,
# machines whose motors are made to sing, computed in numpy (stepper_render.STEPPER_SETS), by theirs,
# and clochan's, crickets, cicadas and frogs, creatures that sing by file, tymbal and sac, computed in
# numpy (creature_render.CREATURE_SETS), by theirs, and rath's, birds singing through the syrinx,
# computed in numpy (bird_render.BIRD_SETS), by theirs, and castro's, strings, bars and forks driven by
# electromagnets, computed in numpy (magnet_render.MAGNET_SETS), by theirs, and motte's, light-tone
# instruments, computed in numpy (light_render.LIGHT_SETS), by theirs, and oppidum's, musical bows and
# string drums, computed in numpy (tether_render.TETHER_SETS), by theirs, and bailey's, harps plucked
# by the fingers, computed in numpy (harp_render.HARP_SETS), by theirs, and barbican's, skins tuned to
# notes, computed in numpy (skin_render.SKIN_SETS), by theirs, and keep's, bamboo tubes tuned to notes,
# computed in numpy (bamboo_render.BAMBOO_SETS), by theirs, and bastion's, free-reed mouth organs,
# computed in numpy (reed_render.REED_SETS), by theirs, and donjon's, handpans and steel tongue drums,
# computed in numpy (pan_render.PAN_SETS), by theirs, and citadel's, steel guitars, computed in numpy
# (steel_render.STEEL_SETS), by theirs, and rampart's, flutes blown across an edge, computed in numpy
# (jet_render.JET_SETS), by theirs, and palisade's, lamellophones, tongues of metal plucked by the
# thumbs, computed in numpy (lamella_render.LAMELLA_SETS), by theirs, and bulwark's, bagpipes, reeds
# blown from a bag, computed in numpy (bag_render.BAG_SETS), by theirs, and redoubt's, huqin, bowed
# fiddles whose bridge stands on a skin or a thin board, computed in numpy (huqin_render.HUQIN_SETS), by
# theirs, and ravelin's, frame xylophones of Africa and Central America, their bars over buzzing gourds,
# computed in numpy (balafon_render.BALAFON_SETS), by theirs, and casemate's, tangent-struck keyboard
# strings, clavichords and a tangent piano, computed in numpy (clavichord_render.CLAVICHORD_SETS), by
# theirs, and glacis's, West African harp-lutes and bridge harps, computed in numpy
# (kora_render.KORA_SETS), by theirs.
SOUNDFONTS: dict[str, Path] = {
    "crypt": crypt.SOUNDFONT,
    "tomb": tomb.SOUNDFONT,
    "catacomb": catacomb.SOUNDFONT,
    "ossuary": ossuary.SOUNDFONT,
    "charnel": charnel.SOUNDFONT,
    "sepulchre": sepulchre.SOUNDFONT,
    "barrow": barrow.SOUNDFONT,
    "mausoleum": mausoleum.SOUNDFONT,
    "undercroft": undercroft.SOUNDFONT,
    "reliquary": reliquary.SOUNDFONT,
    "cenotaph": cenotaph.SOUNDFONT,
    "columbarium": columbarium.SOUNDFONT,
    "hypogeum": hypogeum.SOUNDFONT,
    "necropolis": necropolis.SOUNDFONT,
    "tumulus": tumulus.SOUNDFONT,
    "mastaba": mastaba.SOUNDFONT,
    "cairn": cairn.SOUNDFONT,
    "dolmen": dolmen.SOUNDFONT,
    "kurgan": kurgan.SOUNDFONT,
    "tholos": tholos.SOUNDFONT,
    "sarcophagus": sarcophagus.SOUNDFONT,
    "stupa": stupa.SOUNDFONT,
    "pyramid": pyramid.SOUNDFONT,
    "ziggurat": ziggurat.SOUNDFONT,
    "henge": henge.SOUNDFONT,
    "cromlech": cromlech.SOUNDFONT,
    "menhir": menhir.SOUNDFONT,
    "obelisk": obelisk.SOUNDFONT,
    "trilithon": trilithon.SOUNDFONT,
    "stele": stele.SOUNDFONT,
    "cist": cist.SOUNDFONT,
    "broch": broch.SOUNDFONT,
    "nuraghe": nuraghe.SOUNDFONT,
    "talayot": talayot.SOUNDFONT,
    "naveta": naveta.SOUNDFONT,
    "taula": taula.SOUNDFONT,
    "quoit": quoit.SOUNDFONT,
    "hunebed": hunebed.SOUNDFONT,
    "dysse": dysse.SOUNDFONT,
    "anta": anta.SOUNDFONT,
    "mamoa": mamoa.SOUNDFONT,
    "galgal": galgal.SOUNDFONT,
    "fogou": fogou.SOUNDFONT,
    "souterrain": souterrain.SOUNDFONT,
    "crannog": crannog.SOUNDFONT,
    "cashel": cashel.SOUNDFONT,
    "clochan": clochan.SOUNDFONT,
    "rath": rath.SOUNDFONT,
    "castro": castro.SOUNDFONT,
    "motte": motte.SOUNDFONT,
    "oppidum": oppidum.SOUNDFONT,
    "bailey": bailey.SOUNDFONT,
    "barbican": barbican.SOUNDFONT,
    "keep": keep.SOUNDFONT,
    "bastion": bastion.SOUNDFONT,
    "donjon": donjon.SOUNDFONT,
    "citadel": citadel.SOUNDFONT,
    "rampart": rampart.SOUNDFONT,
    "palisade": palisade.SOUNDFONT,
    "bulwark": bulwark.SOUNDFONT,
    "redoubt": redoubt.SOUNDFONT,
    "ravelin": ravelin.SOUNDFONT,
    "casemate": casemate.SOUNDFONT,
    "glacis": glacis.SOUNDFONT,
}
# The drum kits a split's drums render through where they are soundfonts of their own (one preset
# each on General MIDI's drum notes), indexed by the kit drawn (DRUM_KITS): its drum notes render
# through the kit and are mixed with the rest.
DRUM_SOUNDFONTS: dict[str, tuple[Path, ...]] = {"ossuary": ossuary.DRUM_SOUNDFONTS}
# Drum kits (the drum channel's program) a split draws: tune and fresh their own, blind all, sealed,
# vault, cellar and crypt others' (every General MIDI kit was taken; crypt's in its own soundfont),
# tomb its soundfont's variation kits, catacomb its soundfont's one kit, ossuary two kits of their
# own (DRUM_SOUNDFONTS), charnel its soundfont's kits with samples of their own, sepulchre its patch
# set's one kit, barrow its sample set's one kit (Hydrogen's), mausoleum its sample set's one kit
# (Sonic Pi's), undercroft its model set's one kit (another of Hydrogen's), reliquary its string set's
# one kit (a third of Hydrogen's), cenotaph its patch set's one kit (a fourth of Hydrogen's),
# columbarium its timbre set's one kit (a fifth of Hydrogen's), hypogeum its phase set's one kit (a
# sixth of Hydrogen's, a drum machine's), necropolis its FM set's one kit (a seventh of Hydrogen's,
# resynthesised), tumulus its waveshaping set's one kit (an eighth of Hydrogen's), mastaba its wavetable
# set's one kit (a ninth of Hydrogen's), cairn its granular set's one kit (a tenth of Hydrogen's),
# dolmen its chip set's one kit (the chip's noise channel and triangle, no recording), kurgan its
# vocoder set's one kit (a drum machine's noise and sine drops, no recording), tholos its tonewheel
# set's one kit (an organ's rhythm box, pinged resonators and noise, no recording), sarcophagus its
# modal set's one kit (membranes, woods and metals as modes, no recording), stupa its hammer set's one
# kit (muted and prepared strings, a frame's and a keybed's knock, no recording), pyramid its additive
# set's one kit (summed sine sweeps and a noise residual through band-passes, no recording), ziggurat
# its jawari set's one kit (hand drums and small metals as bent and ringing partials and noise, no
# recording), henge its arithmetic set's one kit (clicks spliced onto swept and ringing tails, no
# recording), cromlech its bore set's one kit (a marching band's battery as swept and ringing
# partials and noise, no recording), menhir its tape set's one kit (a rhythm tape's drums and Latin
# percussion as ringing and swept partials and noise through the tape's head, no recording), obelisk
# its bow set's one kit (an orchestra's timpani and percussion as ringing partials and noise, no
# recording), trilithon its fret set's one kit (a string band's box and hand percussion as ringing
# partials and noise, no recording), stele its pipe set's one kit (a theatre organ's traps as ringing
# partials and noise with their pneumatic motors' puffs, no recording), cist its ether set's one kit
# (a valve rhythm machine's circuits as ringing partials and noise with their commutator's contact
# clicks, no recording), broch its glass set's one kit (friction drums, scrapers and struck glass as
# ringing partials and noise, the drums rung by a stick's judder, no recording), nuraghe its flow
# set's one kit (water drums, splashes, drops, rain sticks, an ocean drum and water-tuned bowls as
# ringing partials and noise with their bubbles and seeds, no recording), talayot its barrel set's one
# kit (an orchestrion's and a disc box's traps as ringing partials and noise, each struck by a sprung
# lever whose beater bounces, no recording), naveta its earth set's one kit (an udu, clay pots,
# stones, pebbles, claves, wood blocks and a rock gong as ringing partials and noise, an udu's bloop
# swept onto its pitch, pebbles as grains, no recording), taula its bronze set's one kit (a kendang's
# heads, the ceng-ceng's cymbals, a kempli's and a kajar's kettles, a gong ageng, a kecrek's plates and
# the puppeteer's box as ringing partials and noise, the kendang's big head rising onto its pitch, the
# cymbals' clashes and the plates' jangle as grains, no recording), quoit its toy set's one kit (toy
# drums, a rattle, an egg shaker, a toy tambourine, tin cymbals, a tin can, a bicycle bell, wooden
# blocks, a clapper and a toy triangle as ringing partials and noise, the beads, jingles and boards as
# grains, no recording), hunebed its psaltery set's one kit (the soundbox struck and its top knocked,
# the bass strings slapped onto the board, the pin block knocked, a plectrum scraped along a wound
# string, the strings behind the bridges swept and struck, a qanun's mandal levers flicked, the
# varras struck, the frame's edge tapped, fingernails on the top, as ringing partials and noise, the
# winding's ridges and the levers' clicks as grains, no recording), dysse its trump set's one kit (a
# tongue's thud with the mouth closed, a tongue rattling against its frame and choked, the player's
# tongue clicking on the palate, breath forced through the slot, the harps' cases knocked, a frame
# tapped on a tooth, a string of harps jangling on their cord, a frame's bow and a brass reed struck,
# as ringing partials and noise, the rattles and the jangle as grains, no recording), anta its gurdy
# set's one kit (the heel stamped on a wooden stage, the soundbox's bowl knocked, the dog rattled by a
# stroke with the strings muted and choked, a key's tangent clacking back, the wheel's rim rubbed with
# no string on it, the dog hammered in a long roll, the wheel's cover tapped, the iron crank struck,
# the keys' tangents knocked, the drone strings' hooks rattling, the wheel turned dry, a string
# plucked off the wheel, as ringing partials and noise, the dog's chatter and the hooks' rattle as
# grains, no recording), mamoa its vessel set's one kit (a jug's mouth slapped by the palm, bottles'
# necks popped by a finger, a tongue-ram into an ocarina's windway, a cork drawn, breath chuffed
# across a window, bottles clinked, a spoon on a jug, a fingernail ticked on a glazed ocarina, water
# sloshed in a bottle, breath hissed through the teeth, a finger flicked on a bottle's belly, as
# ringing resonances and noise, the cork's pop gliding up, the drops and the chuffs as grains, no
# recording), galgal its mirliton set's one kit (a cardboard horn's bell thumped by the palm,
# cardboard tubes thumped, a "t" spat through a kazoo's membrane, a fingernail flicked on a kazoo's
# barrel, tissue paper crumpled, a "ts" and a "tss" through the membrane, a comb's teeth run under a
# thumbnail, a pencil on a kazoo's barrel and its turret, a comb's spine and a tube's rim tapped, the
# tissue paper flicked and crackling, a hummed "sss" through the comb, as ringing modes and noise, the
# crumple, the teeth and the crackle as grains, no recording), fogou its flame set's one kit (a gas
# cloud lit in a combustion chamber, hot pipes thumped by a gloved palm, a match struck and flaring,
# a lighter's flint wheel, flash paper flaring, a gas valve's click, a pilot light's tick, gas
# hissing from a burner, embers crackling, a torch flaring, a steel pipe struck by a spanner, a glass
# tube and its mouth tapped, embers shaken in a grate, a bellows' puff, as ringing modes and noise,
# the match's flare, the flash paper, the crackling and the shaken embers as grains, no recording),
# souterrain its siren set's one kit (the reservoir's bellows dropped, sheet-steel housings struck by
# a palm, a blowgun's blast, a football rattle's ratchet, the shutter's clack, the brake shoe
# clapping onto the rotor, a valve's click, the governor's tick, the relief valve hissing, the
# rattle's clatter, the safety valve blowing off, a rotor's steel disc struck at rest and at its
# rim, the crank struck, the horns' throats tapped, the rattle shaken, a puff from the blowpipe, a
# fire bell struck muted and left to ring, as ringing modes and noise, the ratchet, the clatter and
# the safety valve as grains, no recording), crannog its spark set's one kit (a Marx generator's long
# spark, a can crusher's coil jumping in its clamp, the coils' toploads struck by a palm, a spark
# gap's crack, a rotary spark gap's train of sparks, a contactor's clack, a Van de Graaff's snap onto
# a knuckle, a piezo igniter's click, a relay's tick, a corona brush's hiss, a Jacob's ladder frying
# as its arc climbs, a fuse blowing, a transformer's laminated core struck, a Leyden jar struck, a
# porcelain insulator struck, the coils' formers tapped, a Wimshurst machine's brushes crackling, the
# quench blower's puff, the discharge ring struck muted and left to ring, as ringing modes and
# noise, the sparks, the snaps, the frying, the fuse and the brushes as grains, no recording),
# cashel its stepper set's one kit (a CNC gantry homing against its end stop, a drive sled slammed
# home in its cage, the drives' steel cases struck by a palm, a print head's pins all fired at once,
# a dot-matrix line's pins rattling, a floppy's eject latch springing, a floppy disk's shutter
# snapping shut, a hard drive's heads seeking, a stepper's detent ticking under a hand, a power
# supply's fan blowing out dust, a line printer's hammers along a line, a sheet torn off against the
# tear bar, a stepper's steel shaft struck, a motor's steel can struck, a lead screw's brass nut
# struck, the drives' plastic bezels tapped, a timing belt's teeth rattling over its pulley, a sheet
# rustling through the feed, the can struck muted and left to ring, as ringing modes and noise, the
# pins' rattle, the shutter, the hammers, the torn sheet and the belt's teeth as grains, no
# recording), clochan its creature set's one kit (a beaver's tail slapping the pond, a ruffed grouse's
# wings drumming, hollow branches drummed by a palm cockatoo, a grasshopper's wings crackling, a
# rattlesnake's rattle, a woodpecker's bill on a dead branch, a snapping shrimp's claw, a deathwatch
# beetle's head tapping, a termite soldier's head banging, a goose's hiss, a woodpecker drumming, a
# flock taking off, a white stork's bill clattering, a tortoise's shell knocked, two antlers clashed,
# a crab's shell tapped, a peacock's train rattled, dry leaves tossed by a foraging blackbird, the
# shell knocked muted and left to ring, as ringing modes and noise, the rattle, the shrimp's echo,
# the drumming, the flock and the train as grains, no recording), rath its bird set's one kit (a sage
# grouse's air sacs popped, a cassowary's foot stamped, eggs knocked by an Egyptian vulture's stone, a
# wood pigeon's wings clapped, a club-winged manakin's feathers ticking, a song thrush's snail on its
# anvil stone, a white-bearded manakin's wings snapped, an owl's bill snapped, a nuthatch's bill on a
# seed, a mute swan's wings throbbing, a common snipe's tail feathers drumming, a swan landing on the
# water, a toucan's hollow bill rapped, a nut cracked in a macaw's bill, an oystercatcher's bill on a
# mussel, two hornbills' casques butted, a robin shaking the water from its feathers, a sparrow's dust
# bath, a hummingbird's tail feathers chirping, as ringing modes and noise, the ticks, the snaps, the
# drumming, the landing and the shake as grains, no recording), castro its magnet set's one kit (the
# Magnetic Resonator Piano's bass strings slapped by the actuators' pulse, a solenoid's plunger
# slamming home, the Choralcelo's steel bars struck by its magnets' pulse, an EBow dropped on the
# strings, the frets slapped by a sustainer's pulse, the frame tapped by a solenoid, a Moog guitar's
# strings muted at once, a magnet snapped onto a string, a lead's jack plugged in, an EBow's edge
# scraped along a wound string, a fork's stem rattled on its box, the piano's strings let go with the
# pedal down, a fork struck on a knee and at its tip, a string pinged over the pickup, the bars' ends
# knocked, a wound string scraped by a pick, the strings brushed muted, the fork's clang ringing, as
# ringing modes and noise, the slaps, the rattles and the scrapes as grains, no recording), motte its
# light set's one kit (the lamp switched on behind the open slit, the disc's motor starting, the
# Rhythmicon's rows of holes bursting, a film loop's splice snapping past the gate, the shutter bank's
# vanes clacking shut, a key's contact closing, a hand passed through the beam, dust on the glass
# crackling past the slit, a relay's armature clicking, a scratch along a track, the loop's sprocket
# holes ticking past, the lamp's filament ringing as it is knocked, the glass disc tapped at its rim
# and pinged at its hub, the slit's brass plate tapped, the keys' wooden levers knocked, the loop's
# slack slapping its rollers, dust crackling, the cell's valve ringing, as ringing modes and noise,
# the clacks, the ticks and the slaps as grains, no recording), oppidum its tether set's one kit (the
# washtub's bottom thumped by the fist, the earth bow's hide struck, the gopichand's skin struck by a
# finger, the berimbau's wire struck with the coin pressed to it, the caxixi's basket slapped on its
# hard base, the baqueta on the bow's stave, the caxixi shaken hard, shaken short and swirled, the
# coin tapped on the wire, the baqueta bouncing on the damped wire, the washtub's rim struck, the
# gourd's shell knocked, the tub's handle pinged, two baquetas clicked together, the stave knocked,
# the Baul's ankle bells shaken, the caxixi's seeds, the coin rung on the wire, as ringing modes and
# noise, the coin's rattle, the seeds, the bounces and the bells as grains, no recording), bailey its
# harp set's one kit (an Andean harp's box beaten by the golpeador's fist and palm, a pedal harp's
# board struck by the knuckles, paper threaded through the bass strings struck, the wound bass wires
# slapped, a fingernail on the board's edge, the golpeador's palm slapped flat on the box, a nail on a
# string damped at once, a pedal moved into its notch, the palm drawn along the wound strings, the
# tuning key tapped on a pin, the bass wires rubbed, the column knocked, the tuning key on the neck
# plate, two nails clicked together, the neck knocked, a clarsach's levers flicked, a llanero's
# maracas, a high wire struck with the tuning key, as ringing modes and noise, the paper's buzz, the
# wires' clatter, the levers and the seeds as grains, no recording), barbican its skin set's one kit
# (a surdo's open stroke, a timpano struck dead at its centre, a caixa's skin with its snares, a
# talking drum squeezed as it is struck, the repinique's rim, the pandeiro slapped, an atabaque, a
# conga and a tamborim struck open, the pandeiro's jingles tapped, pressed and shaken, a bodhran's
# tipper on its skin's edge, a frame drum's jingles rolled, a tambourine, a timpano's copper bowl
# struck, two timpani sticks clicked, a cuica's stick knocked, as a skin's modes and noise, the
# snares, the squeeze and the jingles as grains, no recording), keep its bamboo set's one kit (bamboo's
# own sounds, a tube's modes and noise, the rattles as grains, no recording), bastion its reed set's one
# kit (the mouth organs' own sounds and their band's, ringing modes and noise, the tongue slap's flicks,
# the chap's clatter and the pipe bands as grains, no recording), donjon its pan set's one kit (the
# pans' own sounds and their players', the shoulder's and the tongue's modes and noise, the rattles, the
# scratch and the beads as grains, no recording), citadel its steel set's one kit (the steels' own
# sounds and their players', ringing modes and noise, the rattles, the rakes and the scrape as grains, no
# recording), rampart its jet set's one kit (the flutes' own sounds and their players', ringing modes
# and noise, the spat consonants and the rattles as grains, no recording), palisade its lamella set's
# one kit (the lamellophones' own sounds and their players', ringing modes and noise, the caps, the seeds
# and the rings as grains, no recording), bulwark its bag set's one kit (a pipe band's drum corps and
# the pipers' own sounds, ringing modes and noise, the wires' buzz and the ferrules' rattle as grains,
# no recording), redoubt its huqin set's one kit (a Peking opera's percussion and the fiddlers' own
# sounds, ringing modes and noise, the cymbals' shimmer and the plates' double clap as grains, no
# recording), ravelin its balafon set's one kit (a Mande drum ensemble and the xylophonists' own sounds,
# ringing modes and noise, the jingles and the beads as grains, no recording), casemate its clavichord
# set's one kit (an early-music consort's percussion and the players' own sounds, ringing modes and
# noise, the jingles, the triangle's rings and the tabor's snare as grains, no recording), glacis its kora
# set's one kit (a Senegambian ensemble and the players' own sounds, ringing modes and noise, the
# rattles and the seeds as grains, no recording), held-out none.
DRUM_KITS = {
    "tune": (0, 8, 16, 24, 25, 32),
    "fresh": (40, 48, 0),
    "blind": blind.DRUM_KITS,
    "sealed": sealed.DRUM_KITS,
    "vault": vault.DRUM_KITS,
    "cellar": cellar.DRUM_KITS,
    "crypt": crypt.DRUM_KITS,
    "tomb": tomb.DRUM_KITS,
    "catacomb": catacomb.DRUM_KITS,
    "ossuary": ossuary.DRUM_KITS,
    "charnel": charnel.DRUM_KITS,
    "sepulchre": sepulchre.DRUM_KITS,
    "barrow": barrow.DRUM_KITS,
    "mausoleum": mausoleum.DRUM_KITS,
    "undercroft": undercroft.DRUM_KITS,
    "reliquary": reliquary.DRUM_KITS,
    "cenotaph": cenotaph.DRUM_KITS,
    "columbarium": columbarium.DRUM_KITS,
    "hypogeum": hypogeum.DRUM_KITS,
    "necropolis": necropolis.DRUM_KITS,
    "tumulus": tumulus.DRUM_KITS,
    "mastaba": mastaba.DRUM_KITS,
    "cairn": cairn.DRUM_KITS,
    "dolmen": dolmen.DRUM_KITS,
    "kurgan": kurgan.DRUM_KITS,
    "tholos": tholos.DRUM_KITS,
    "sarcophagus": sarcophagus.DRUM_KITS,
    "stupa": stupa.DRUM_KITS,
    "pyramid": pyramid.DRUM_KITS,
    "ziggurat": ziggurat.DRUM_KITS,
    "henge": henge.DRUM_KITS,
    "cromlech": cromlech.DRUM_KITS,
    "menhir": menhir.DRUM_KITS,
    "obelisk": obelisk.DRUM_KITS,
    "trilithon": trilithon.DRUM_KITS,
    "stele": stele.DRUM_KITS,
    "cist": cist.DRUM_KITS,
    "broch": broch.DRUM_KITS,
    "nuraghe": nuraghe.DRUM_KITS,
    "talayot": talayot.DRUM_KITS,
    "naveta": naveta.DRUM_KITS,
    "taula": taula.DRUM_KITS,
    "quoit": quoit.DRUM_KITS,
    "hunebed": hunebed.DRUM_KITS,
    "dysse": dysse.DRUM_KITS,
    "anta": anta.DRUM_KITS,
    "mamoa": mamoa.DRUM_KITS,
    "galgal": galgal.DRUM_KITS,
    "fogou": fogou.DRUM_KITS,
    "souterrain": souterrain.DRUM_KITS,
    "crannog": crannog.DRUM_KITS,
    "cashel": cashel.DRUM_KITS,
    "clochan": clochan.DRUM_KITS,
    "rath": rath.DRUM_KITS,
    "castro": castro.DRUM_KITS,
    "motte": motte.DRUM_KITS,
    "oppidum": oppidum.DRUM_KITS,
    "bailey": bailey.DRUM_KITS,
    "barbican": barbican.DRUM_KITS,
    "keep": keep.DRUM_KITS,
    "bastion": bastion.DRUM_KITS,
    "donjon": donjon.DRUM_KITS,
    "citadel": citadel.DRUM_KITS,
    "rampart": rampart.DRUM_KITS,
    "palisade": palisade.DRUM_KITS,
    "bulwark": bulwark.DRUM_KITS,
    "redoubt": redoubt.DRUM_KITS,
    "ravelin": ravelin.DRUM_KITS,
    "casemate": casemate.DRUM_KITS,
    "glacis": glacis.DRUM_KITS,
}
SUSTAINED_PROGRAMS = (19, 48, 52, 71, 73, 89)  # hold a note as long as it is held
# A split's held tones and free-time chords draw these where it has its own (ossuary's and
# charnel's, in their soundfonts' samples of their own; sepulchre's, in its patch set; barrow's and
# mausoleum's, in their recordings; undercroft's, in its models; reliquary's, in its bowed strings;
# cenotaph's, in its patches; columbarium's, in its voices and organs; hypogeum's, in its
# phase-distortion patches; necropolis's, in its FM patches; tumulus's, in its waveshaping patches;
# mastaba's, in its wavetable patches; cairn's, in its granular patches; dolmen's, in its chip
# patches; kurgan's, in its vocoder patches; tholos's, in its organs and reeds; sarcophagus's, in its
# bowed and rolled bars; stupa's, in its tremolo strings and tines; pyramid's, in its additive
# ensemble, choir and glass; ziggurat's, in its bowed strings; henge's, in its strings, choir and
# pad; cromlech's, in its horn and saxophone choirs and flugelhorns; menhir's, in its violins on a worn
# frame and its choirs, until a strip runs out; obelisk's, in its string section and its muted
# section, while the bow is drawn; trilithon's, in its mandolins' and guitar quartet's tremolo,
# while it is repicked; stele's, in its string celeste and choir flutes, while the key is down;
# cist's, in its ondes held and its palme held, while the key is down; broch's, in its glass
# harmonica held and its musical glasses held, while the finger is on the glass; nuraghe's, in its
# aeolian harp held and its hydraulophone held, while the wind blows or the finger blocks the jet;
# talayot's, in its zither and its mandoline held, while the star wheel or the pins repick them;
# naveta's, in its slate slab and its slit drum rolled, while the two beaters roll them; taula's, in its
# gender's key and its kenong's kettle rolled, while the two padded mallets roll them; quoit's, in its
# toy piano's rod and its boomwhacker's tube, while they are struck over and over; hunebed's, in its
# guzheng's string and its qanun's course in tremolo, while they are repicked; dysse's, in its
# Maultrommel and its khomus strummed, while they are plucked over and over; anta's, in its vielle's
# strings held on the wheel and its Geigenwerk, while the wheel bows them; mamoa's, in its
# bottles blown long and its double ocarina's chambers, while the breath blows them; galgal's, in its
# kazoos hummed long and its bigophones held, while the voice hums them; fogou's, in its pyrophone
# held and its Rijke tubes held, while the heat sings them; souterrain's, in its Dove's siren held and
# its siren organ held, while the wind blows through them; crannog's, in its vacuum-tube coil's flame
# held and Duddell's arc held, while the discharge burns; cashel's, in its plotter's pen carriage
# held and its floppy drive's head held, while the driver steps them; clochan's, in its periodical
# cicadas' chorus held and its mole cricket held, while the creatures call; rath's, in its
# nightingale's whistle held and its canary's tour held, while the birds sing; castro's, in its
# maintained tuning fork held and the Choralcelo's bars held, while the magnets drive them; motte's, in
# the ANS synthesizer's sine tracks held and the Lichttonorgel's flute stop held, while the shutters
# are open; oppidum's, in the umrhubhe rubbed and held and the kunkulkawe rubbed and held, while the
# sticks rub them; bailey's, in a pedal harp's bisbigliando and a Paraguayan harp's repique, two
# strings plucked in turn while the note is held; barbican's, in a timpani roll, two mallets in turn,
# and a cuica rubbed on, while the note is held; keep's, in its bamboo set's programs 48 and 50, while
# the note is held; bastion's, in its reed set's programs 48 and 49, while the note is held; donjon's,
# in its pan set's programs 48 and 49, while the note is held; citadel's, in its steel set's programs 48
# and 49, while the note is held; rampart's, in its jet set's programs 48 and 49, while the note is
# held; palisade's, in its lamella set's programs 48 and 49, plucked again and again while the note is
# held; bulwark's, in its bag set's programs 48 and 49, drones sounding while the note is held;
# redoubt's, in its huqin set's programs 48 and 49, sections bowing on, each player turning the bow on
# their own, while the note is held; ravelin's, in its balafon set's programs 48 and 49, a bar rolled by
# two mallets while the note is held; casemate's, in its clavichord set's programs 48 and 49, a
# clavichord's key held down under bebung, sounding until it rises or the strings have died; glacis's,
# in its kora set's programs 48 and 49, a kora's and an adungu's string plucked again and again, thumb
# and index in turn, while the note is held).
OWN_SUSTAINED_PROGRAMS: dict[str, tuple[int, ...]] = {
    "ossuary": ossuary.SUSTAINED_PROGRAMS,
    "charnel": charnel.SUSTAINED_PROGRAMS,
    "sepulchre": sepulchre.SUSTAINED_PROGRAMS,
    "barrow": barrow.SUSTAINED_PROGRAMS,
    "mausoleum": mausoleum.SUSTAINED_PROGRAMS,
    "undercroft": undercroft.SUSTAINED_PROGRAMS,
    "reliquary": reliquary.SUSTAINED_PROGRAMS,
    "cenotaph": cenotaph.SUSTAINED_PROGRAMS,
    "columbarium": columbarium.SUSTAINED_PROGRAMS,
    "hypogeum": hypogeum.SUSTAINED_PROGRAMS,
    "necropolis": necropolis.SUSTAINED_PROGRAMS,
    "tumulus": tumulus.SUSTAINED_PROGRAMS,
    "mastaba": mastaba.SUSTAINED_PROGRAMS,
    "cairn": cairn.SUSTAINED_PROGRAMS,
    "dolmen": dolmen.SUSTAINED_PROGRAMS,
    "kurgan": kurgan.SUSTAINED_PROGRAMS,
    "tholos": tholos.SUSTAINED_PROGRAMS,
    "sarcophagus": sarcophagus.SUSTAINED_PROGRAMS,
    "stupa": stupa.SUSTAINED_PROGRAMS,
    "pyramid": pyramid.SUSTAINED_PROGRAMS,
    "ziggurat": ziggurat.SUSTAINED_PROGRAMS,
    "henge": henge.SUSTAINED_PROGRAMS,
    "cromlech": cromlech.SUSTAINED_PROGRAMS,
    "menhir": menhir.SUSTAINED_PROGRAMS,
    "obelisk": obelisk.SUSTAINED_PROGRAMS,
    "trilithon": trilithon.SUSTAINED_PROGRAMS,
    "stele": stele.SUSTAINED_PROGRAMS,
    "cist": cist.SUSTAINED_PROGRAMS,
    "broch": broch.SUSTAINED_PROGRAMS,
    "nuraghe": nuraghe.SUSTAINED_PROGRAMS,
    "talayot": talayot.SUSTAINED_PROGRAMS,
    "naveta": naveta.SUSTAINED_PROGRAMS,
    "taula": taula.SUSTAINED_PROGRAMS,
    "quoit": quoit.SUSTAINED_PROGRAMS,
    "hunebed": hunebed.SUSTAINED_PROGRAMS,
    "dysse": dysse.SUSTAINED_PROGRAMS,
    "anta": anta.SUSTAINED_PROGRAMS,
    "mamoa": mamoa.SUSTAINED_PROGRAMS,
    "galgal": galgal.SUSTAINED_PROGRAMS,
    "fogou": fogou.SUSTAINED_PROGRAMS,
    "souterrain": souterrain.SUSTAINED_PROGRAMS,
    "crannog": crannog.SUSTAINED_PROGRAMS,
    "cashel": cashel.SUSTAINED_PROGRAMS,
    "clochan": clochan.SUSTAINED_PROGRAMS,
    "rath": rath.SUSTAINED_PROGRAMS,
    "castro": castro.SUSTAINED_PROGRAMS,
    "motte": motte.SUSTAINED_PROGRAMS,
    "oppidum": oppidum.SUSTAINED_PROGRAMS,
    "bailey": bailey.SUSTAINED_PROGRAMS,
    "barbican": barbican.SUSTAINED_PROGRAMS,
    "keep": keep.SUSTAINED_PROGRAMS,
    "bastion": bastion.SUSTAINED_PROGRAMS,
    "donjon": donjon.SUSTAINED_PROGRAMS,
    "citadel": citadel.SUSTAINED_PROGRAMS,
    "rampart": rampart.SUSTAINED_PROGRAMS,
    "palisade": palisade.SUSTAINED_PROGRAMS,
    "bulwark": bulwark.SUSTAINED_PROGRAMS,
    "redoubt": redoubt.SUSTAINED_PROGRAMS,
    "ravelin": ravelin.SUSTAINED_PROGRAMS,
    "casemate": casemate.SUSTAINED_PROGRAMS,
    "glacis": glacis.SUSTAINED_PROGRAMS,
}


def sustained_programs(split: str) -> tuple[int, ...]:
    """The programs a split's held tones and free-time chords draw."""
    return OWN_SUSTAINED_PROGRAMS.get(split, SUSTAINED_PROGRAMS)


# Drum patterns per bar of 4 beats in sixteenths: (sixteenth, GM drum).
DRUM_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    "rock": ((0, KICK), (8, KICK), (4, SNARE), (12, SNARE), *((k, CLOSED_HAT) for k in range(0, 16, 2))),
    "four-on-the-floor": (
        *((k, KICK) for k in range(0, 16, 4)),
        (4, CLAP),
        (12, CLAP),
        *((k, OPEN_HAT) for k in range(2, 16, 4)),
    ),
    "half-time": ((0, KICK), (8, SNARE), *((k, RIDE) for k in range(0, 16, 4))),
    "breakbeat": (
        (0, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    # The tune split's own.
    "disco": (
        *((k, KICK) for k in range(0, 16, 4)),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16)),
        *((k, OPEN_HAT) for k in range(2, 16, 4)),
    ),
    "hip-hop": (
        (0, KICK),
        (6, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(0, 16, 2)),
    ),
    "sixteenths": ((0, KICK), (8, KICK), (4, SNARE), (12, SNARE), *((k, CLOSED_HAT) for k in range(16))),
    "one-drop": ((8, KICK), (8, RIMSHOT), *((k, CLOSED_HAT) for k in range(0, 16, 2))),
    "train": ((0, KICK), (8, KICK), *((k, SNARE) for k in range(0, 16, 2)), (4, CLAP), (12, CLAP)),
    # The fresh split's own.
    "funk": (
        (0, KICK),
        (3, KICK),
        (10, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, CLOSED_HAT) for k in range(16) if k != 7),
        (7, OPEN_HAT),
    ),
    "dembow": (*((k, KICK) for k in range(0, 16, 4)), (3, SNARE), (6, SNARE), (11, SNARE), (14, SNARE)),
    "drum-and-bass": ((0, KICK), (10, KICK), (4, SNARE), (12, SNARE), *((k, RIDE) for k in range(0, 16, 2))),
    "pedal-quarters": (
        (0, KICK),
        (7, KICK),
        (4, SNARE),
        (12, SNARE),
        *((k, PEDAL_HAT) for k in range(0, 16, 4)),
        *((k, TAMBOURINE) for k in range(2, 16, 4)),
    ),
    **blind.DRUM_PATTERNS,
    **sealed.DRUM_PATTERNS,
    **vault.DRUM_PATTERNS,
    **cellar.DRUM_PATTERNS,
    **crypt.DRUM_PATTERNS,
    **tomb.DRUM_PATTERNS,
    **catacomb.DRUM_PATTERNS,
    **ossuary.DRUM_PATTERNS,
    **charnel.DRUM_PATTERNS,
    **sepulchre.DRUM_PATTERNS,
    **barrow.DRUM_PATTERNS,
    **mausoleum.DRUM_PATTERNS,
    **undercroft.DRUM_PATTERNS,
    **reliquary.DRUM_PATTERNS,
    **cenotaph.DRUM_PATTERNS,
    **columbarium.DRUM_PATTERNS,
    **hypogeum.DRUM_PATTERNS,
    **necropolis.DRUM_PATTERNS,
    **tumulus.DRUM_PATTERNS,
    **mastaba.DRUM_PATTERNS,
    **cairn.DRUM_PATTERNS,
    **dolmen.DRUM_PATTERNS,
    **kurgan.DRUM_PATTERNS,
    **tholos.DRUM_PATTERNS,
    **sarcophagus.DRUM_PATTERNS,
    **stupa.DRUM_PATTERNS,
    **pyramid.DRUM_PATTERNS,
    **ziggurat.DRUM_PATTERNS,
    **henge.DRUM_PATTERNS,
    **cromlech.DRUM_PATTERNS,
    **menhir.DRUM_PATTERNS,
    **obelisk.DRUM_PATTERNS,
    **trilithon.DRUM_PATTERNS,
    **stele.DRUM_PATTERNS,
    **cist.DRUM_PATTERNS,
    **broch.DRUM_PATTERNS,
    **nuraghe.DRUM_PATTERNS,
    **talayot.DRUM_PATTERNS,
    **naveta.DRUM_PATTERNS,
    **taula.DRUM_PATTERNS,
    **quoit.DRUM_PATTERNS,
    **hunebed.DRUM_PATTERNS,
    **dysse.DRUM_PATTERNS,
    **anta.DRUM_PATTERNS,
    **mamoa.DRUM_PATTERNS,
    **galgal.DRUM_PATTERNS,
    **fogou.DRUM_PATTERNS,
    **souterrain.DRUM_PATTERNS,
    **crannog.DRUM_PATTERNS,
    **cashel.DRUM_PATTERNS,
    **clochan.DRUM_PATTERNS,
    **rath.DRUM_PATTERNS,
    **castro.DRUM_PATTERNS,
    **motte.DRUM_PATTERNS,
    **oppidum.DRUM_PATTERNS,
    **bailey.DRUM_PATTERNS,
    **barbican.DRUM_PATTERNS,
    **keep.DRUM_PATTERNS,
    **bastion.DRUM_PATTERNS,
    **donjon.DRUM_PATTERNS,
    **citadel.DRUM_PATTERNS,
    **rampart.DRUM_PATTERNS,
    **palisade.DRUM_PATTERNS,
    **bulwark.DRUM_PATTERNS,
    **redoubt.DRUM_PATTERNS,
    **ravelin.DRUM_PATTERNS,
    **casemate.DRUM_PATTERNS,
    **glacis.DRUM_PATTERNS,
}
_OWN_PATTERNS = {
    "held-out": ("breakbeat",),
    "tune": ("disco", "hip-hop", "sixteenths", "one-drop", "train", "pedal-quarters"),
    "fresh": ("funk", "dembow", "drum-and-bass"),
    "blind": tuple(blind.DRUM_PATTERNS),
    "sealed": tuple(sealed.DRUM_PATTERNS),
    "vault": tuple(vault.DRUM_PATTERNS),
    "cellar": tuple(cellar.DRUM_PATTERNS),
    "crypt": tuple(crypt.DRUM_PATTERNS),
    "tomb": tuple(tomb.DRUM_PATTERNS),
    "catacomb": tuple(catacomb.DRUM_PATTERNS),
    "ossuary": tuple(ossuary.DRUM_PATTERNS),
    "charnel": tuple(charnel.DRUM_PATTERNS),
    "sepulchre": tuple(sepulchre.DRUM_PATTERNS),
    "barrow": tuple(barrow.DRUM_PATTERNS),
    "mausoleum": tuple(mausoleum.DRUM_PATTERNS),
    "undercroft": tuple(undercroft.DRUM_PATTERNS),
    "reliquary": tuple(reliquary.DRUM_PATTERNS),
    "cenotaph": tuple(cenotaph.DRUM_PATTERNS),
    "columbarium": tuple(columbarium.DRUM_PATTERNS),
    "hypogeum": tuple(hypogeum.DRUM_PATTERNS),
    "necropolis": tuple(necropolis.DRUM_PATTERNS),
    "tumulus": tuple(tumulus.DRUM_PATTERNS),
    "mastaba": tuple(mastaba.DRUM_PATTERNS),
    "cairn": tuple(cairn.DRUM_PATTERNS),
    "dolmen": tuple(dolmen.DRUM_PATTERNS),
    "kurgan": tuple(kurgan.DRUM_PATTERNS),
    "tholos": tuple(tholos.DRUM_PATTERNS),
    "sarcophagus": tuple(sarcophagus.DRUM_PATTERNS),
    "stupa": tuple(stupa.DRUM_PATTERNS),
    "pyramid": tuple(pyramid.DRUM_PATTERNS),
    "ziggurat": tuple(ziggurat.DRUM_PATTERNS),
    "henge": tuple(henge.DRUM_PATTERNS),
    "cromlech": tuple(cromlech.DRUM_PATTERNS),
    "menhir": tuple(menhir.DRUM_PATTERNS),
    "obelisk": tuple(obelisk.DRUM_PATTERNS),
    "trilithon": tuple(trilithon.DRUM_PATTERNS),
    "stele": tuple(stele.DRUM_PATTERNS),
    "cist": tuple(cist.DRUM_PATTERNS),
    "broch": tuple(broch.DRUM_PATTERNS),
    "nuraghe": tuple(nuraghe.DRUM_PATTERNS),
    "talayot": tuple(talayot.DRUM_PATTERNS),
    "naveta": tuple(naveta.DRUM_PATTERNS),
    "taula": tuple(taula.DRUM_PATTERNS),
    "quoit": tuple(quoit.DRUM_PATTERNS),
    "hunebed": tuple(hunebed.DRUM_PATTERNS),
    "dysse": tuple(dysse.DRUM_PATTERNS),
    "anta": tuple(anta.DRUM_PATTERNS),
    "mamoa": tuple(mamoa.DRUM_PATTERNS),
    "galgal": tuple(galgal.DRUM_PATTERNS),
    "fogou": tuple(fogou.DRUM_PATTERNS),
    "souterrain": tuple(souterrain.DRUM_PATTERNS),
    "crannog": tuple(crannog.DRUM_PATTERNS),
    "cashel": tuple(cashel.DRUM_PATTERNS),
    "clochan": tuple(clochan.DRUM_PATTERNS),
    "rath": tuple(rath.DRUM_PATTERNS),
    "castro": tuple(castro.DRUM_PATTERNS),
    "motte": tuple(motte.DRUM_PATTERNS),
    "oppidum": tuple(oppidum.DRUM_PATTERNS),
    "bailey": tuple(bailey.DRUM_PATTERNS),
    "barbican": tuple(barbican.DRUM_PATTERNS),
    "keep": tuple(keep.DRUM_PATTERNS),
    "bastion": tuple(bastion.DRUM_PATTERNS),
    "donjon": tuple(donjon.DRUM_PATTERNS),
    "citadel": tuple(citadel.DRUM_PATTERNS),
    "rampart": tuple(rampart.DRUM_PATTERNS),
    "palisade": tuple(palisade.DRUM_PATTERNS),
    "bulwark": tuple(bulwark.DRUM_PATTERNS),
    "redoubt": tuple(redoubt.DRUM_PATTERNS),
    "ravelin": tuple(ravelin.DRUM_PATTERNS),
    "casemate": tuple(casemate.DRUM_PATTERNS),
    "glacis": tuple(glacis.DRUM_PATTERNS),
}
_SHARED_PATTERNS = ("rock", "four-on-the-floor", "half-time")


def pattern_names(split: str) -> list[str]:
    """The drum patterns a split draws from, in a fixed order: the shared ones and its own."""
    return [n for n in DRUM_PATTERNS if n in _SHARED_PATTERNS or n in _OWN_PATTERNS[split]]


def programs(split: str, role: str, shared: tuple[int, ...]) -> tuple[int, ...]:
    if split in ONLY_OWN_PROGRAMS:
        return OWN_PROGRAMS[split][role]
    return shared + OWN_PROGRAMS[split][role]


# Tempo ranges (BPM) drawn log-uniformly: (songs in simple meters, songs in compound, drums alone).
TEMPO_RANGES = {
    "tune": ((55.0, 200.0), (50.0, 120.0), (60.0, 190.0)),
    "held-out": ((65.0, 185.0), (65.0, 110.0), (70.0, 180.0)),
    "fresh": ((70.0, 170.0), (55.0, 100.0), (75.0, 165.0)),
    "blind": blind.TEMPO_RANGES,
    "sealed": sealed.TEMPO_RANGES,
    "vault": vault.TEMPO_RANGES,
    "cellar": cellar.TEMPO_RANGES,
    "crypt": crypt.TEMPO_RANGES,
    "tomb": tomb.TEMPO_RANGES,
    "catacomb": catacomb.TEMPO_RANGES,
    "ossuary": ossuary.TEMPO_RANGES,
    "charnel": charnel.TEMPO_RANGES,
    "sepulchre": sepulchre.TEMPO_RANGES,
    "barrow": barrow.TEMPO_RANGES,
    "mausoleum": mausoleum.TEMPO_RANGES,
    "undercroft": undercroft.TEMPO_RANGES,
    "reliquary": reliquary.TEMPO_RANGES,
    "cenotaph": cenotaph.TEMPO_RANGES,
    "columbarium": columbarium.TEMPO_RANGES,
    "hypogeum": hypogeum.TEMPO_RANGES,
    "necropolis": necropolis.TEMPO_RANGES,
    "tumulus": tumulus.TEMPO_RANGES,
    "mastaba": mastaba.TEMPO_RANGES,
    "cairn": cairn.TEMPO_RANGES,
    "dolmen": dolmen.TEMPO_RANGES,
    "kurgan": kurgan.TEMPO_RANGES,
    "tholos": tholos.TEMPO_RANGES,
    "sarcophagus": sarcophagus.TEMPO_RANGES,
    "stupa": stupa.TEMPO_RANGES,
    "pyramid": pyramid.TEMPO_RANGES,
    "ziggurat": ziggurat.TEMPO_RANGES,
    "henge": henge.TEMPO_RANGES,
    "cromlech": cromlech.TEMPO_RANGES,
    "menhir": menhir.TEMPO_RANGES,
    "obelisk": obelisk.TEMPO_RANGES,
    "trilithon": trilithon.TEMPO_RANGES,
    "stele": stele.TEMPO_RANGES,
    "cist": cist.TEMPO_RANGES,
    "broch": broch.TEMPO_RANGES,
    "nuraghe": nuraghe.TEMPO_RANGES,
    "talayot": talayot.TEMPO_RANGES,
    "naveta": naveta.TEMPO_RANGES,
    "taula": taula.TEMPO_RANGES,
    "quoit": quoit.TEMPO_RANGES,
    "hunebed": hunebed.TEMPO_RANGES,
    "dysse": dysse.TEMPO_RANGES,
    "anta": anta.TEMPO_RANGES,
    "mamoa": mamoa.TEMPO_RANGES,
    "galgal": galgal.TEMPO_RANGES,
    "fogou": fogou.TEMPO_RANGES,
    "souterrain": souterrain.TEMPO_RANGES,
    "crannog": crannog.TEMPO_RANGES,
    "cashel": cashel.TEMPO_RANGES,
    "clochan": clochan.TEMPO_RANGES,
    "rath": rath.TEMPO_RANGES,
    "castro": castro.TEMPO_RANGES,
    "motte": motte.TEMPO_RANGES,
    "oppidum": oppidum.TEMPO_RANGES,
    "bailey": bailey.TEMPO_RANGES,
    "barbican": barbican.TEMPO_RANGES,
    "keep": keep.TEMPO_RANGES,
    "bastion": bastion.TEMPO_RANGES,
    "donjon": donjon.TEMPO_RANGES,
    "citadel": citadel.TEMPO_RANGES,
    "rampart": rampart.TEMPO_RANGES,
    "palisade": palisade.TEMPO_RANGES,
    "bulwark": bulwark.TEMPO_RANGES,
    "redoubt": redoubt.TEMPO_RANGES,
    "ravelin": ravelin.TEMPO_RANGES,
    "casemate": casemate.TEMPO_RANGES,
    "glacis": glacis.TEMPO_RANGES,
}
# The meters a split's songs draw from (repeats weight the draw).
SONG_METERS = {
    "tune": ("4/4", "4/4", "4/4", "4/4", "3/4", "6/8", "12/8", "5/4"),  # 12/8 and 5/4 since the fifth pass
    "held-out": ("4/4", "4/4", "4/4", "3/4", "6/8"),
    "fresh": ("4/4", "4/4", "3/4", "6/8", "12/8"),
    "blind": blind.SONG_METERS,
    "sealed": sealed.SONG_METERS,
    "vault": vault.SONG_METERS,
    "cellar": cellar.SONG_METERS,
    "crypt": crypt.SONG_METERS,
    "tomb": tomb.SONG_METERS,
    "catacomb": catacomb.SONG_METERS,
    "ossuary": ossuary.SONG_METERS,
    "charnel": charnel.SONG_METERS,
    "sepulchre": sepulchre.SONG_METERS,
    "barrow": barrow.SONG_METERS,
    "mausoleum": mausoleum.SONG_METERS,
    "undercroft": undercroft.SONG_METERS,
    "reliquary": reliquary.SONG_METERS,
    "cenotaph": cenotaph.SONG_METERS,
    "columbarium": columbarium.SONG_METERS,
    "hypogeum": hypogeum.SONG_METERS,
    "necropolis": necropolis.SONG_METERS,
    "tumulus": tumulus.SONG_METERS,
    "mastaba": mastaba.SONG_METERS,
    "cairn": cairn.SONG_METERS,
    "dolmen": dolmen.SONG_METERS,
    "kurgan": kurgan.SONG_METERS,
    "tholos": tholos.SONG_METERS,
    "sarcophagus": sarcophagus.SONG_METERS,
    "stupa": stupa.SONG_METERS,
    "pyramid": pyramid.SONG_METERS,
    "ziggurat": ziggurat.SONG_METERS,
    "henge": henge.SONG_METERS,
    "cromlech": cromlech.SONG_METERS,
    "menhir": menhir.SONG_METERS,
    "obelisk": obelisk.SONG_METERS,
    "trilithon": trilithon.SONG_METERS,
    "stele": stele.SONG_METERS,
    "cist": cist.SONG_METERS,
    "broch": broch.SONG_METERS,
    "nuraghe": nuraghe.SONG_METERS,
    "talayot": talayot.SONG_METERS,
    "naveta": naveta.SONG_METERS,
    "taula": taula.SONG_METERS,
    "quoit": quoit.SONG_METERS,
    "hunebed": hunebed.SONG_METERS,
    "dysse": dysse.SONG_METERS,
    "anta": anta.SONG_METERS,
    "mamoa": mamoa.SONG_METERS,
    "galgal": galgal.SONG_METERS,
    "fogou": fogou.SONG_METERS,
    "souterrain": souterrain.SONG_METERS,
    "crannog": crannog.SONG_METERS,
    "cashel": cashel.SONG_METERS,
    "clochan": clochan.SONG_METERS,
    "rath": rath.SONG_METERS,
    "castro": castro.SONG_METERS,
    "motte": motte.SONG_METERS,
    "oppidum": oppidum.SONG_METERS,
    "bailey": bailey.SONG_METERS,
    "barbican": barbican.SONG_METERS,
    "keep": keep.SONG_METERS,
    "bastion": bastion.SONG_METERS,
    "donjon": donjon.SONG_METERS,
    "citadel": citadel.SONG_METERS,
    "rampart": rampart.SONG_METERS,
    "palisade": palisade.SONG_METERS,
    "bulwark": bulwark.SONG_METERS,
    "redoubt": redoubt.SONG_METERS,
    "ravelin": ravelin.SONG_METERS,
    "casemate": casemate.SONG_METERS,
    "glacis": glacis.SONG_METERS,
}
# Clips per category and split (the tune split's grew with its material).
COUNTS = {
    "tune": {
        "dwelling": 44,
        "modal": 32,
        "ambiguous": 12,
        "free-time": 8,
        "drums": 24,
        "noise": 6,
        "tone": 10,
    },
    "held-out": {
        "dwelling": 28,
        "modal": 14,
        "ambiguous": 10,
        "free-time": 8,
        "drums": 10,
        "noise": 6,
        "tone": 10,
    },
    "fresh": {
        "dwelling": 30,
        "modal": 14,
        "ambiguous": 10,
        "free-time": 8,
        "drums": 14,
        "noise": 6,
        "tone": 10,
    },
    "blind": blind.COUNTS,
    "sealed": sealed.COUNTS,
    "vault": vault.COUNTS,
    "cellar": cellar.COUNTS,
    "crypt": crypt.COUNTS,
    "tomb": tomb.COUNTS,
    "catacomb": catacomb.COUNTS,
    "ossuary": ossuary.COUNTS,
    "charnel": charnel.COUNTS,
    "sepulchre": sepulchre.COUNTS,
    "barrow": barrow.COUNTS,
    "mausoleum": mausoleum.COUNTS,
    "undercroft": undercroft.COUNTS,
    "reliquary": reliquary.COUNTS,
    "cenotaph": cenotaph.COUNTS,
    "columbarium": columbarium.COUNTS,
    "hypogeum": hypogeum.COUNTS,
    "necropolis": necropolis.COUNTS,
    "tumulus": tumulus.COUNTS,
    "mastaba": mastaba.COUNTS,
    "cairn": cairn.COUNTS,
    "dolmen": dolmen.COUNTS,
    "kurgan": kurgan.COUNTS,
    "tholos": tholos.COUNTS,
    "sarcophagus": sarcophagus.COUNTS,
    "stupa": stupa.COUNTS,
    "pyramid": pyramid.COUNTS,
    "ziggurat": ziggurat.COUNTS,
    "henge": henge.COUNTS,
    "cromlech": cromlech.COUNTS,
    "menhir": menhir.COUNTS,
    "obelisk": obelisk.COUNTS,
    "trilithon": trilithon.COUNTS,
    "stele": stele.COUNTS,
    "cist": cist.COUNTS,
    "broch": broch.COUNTS,
    "nuraghe": nuraghe.COUNTS,
    "talayot": talayot.COUNTS,
    "naveta": naveta.COUNTS,
    "taula": taula.COUNTS,
    "quoit": quoit.COUNTS,
    "hunebed": hunebed.COUNTS,
    "dysse": dysse.COUNTS,
    "anta": anta.COUNTS,
    "mamoa": mamoa.COUNTS,
    "galgal": galgal.COUNTS,
    "fogou": fogou.COUNTS,
    "souterrain": souterrain.COUNTS,
    "crannog": crannog.COUNTS,
    "cashel": cashel.COUNTS,
    "clochan": clochan.COUNTS,
    "rath": rath.COUNTS,
    "castro": castro.COUNTS,
    "motte": motte.COUNTS,
    "oppidum": oppidum.COUNTS,
    "bailey": bailey.COUNTS,
    "barbican": barbican.COUNTS,
    "keep": keep.COUNTS,
    "bastion": bastion.COUNTS,
    "donjon": donjon.COUNTS,
    "citadel": citadel.COUNTS,
    "rampart": rampart.COUNTS,
    "palisade": palisade.COUNTS,
    "bulwark": bulwark.COUNTS,
    "redoubt": redoubt.COUNTS,
    "ravelin": ravelin.COUNTS,
    "casemate": casemate.COUNTS,
    "glacis": glacis.COUNTS,
}
# What a record's production does to a split's clips (production.produce, one chain per clip by its
# seed), where it does anything: barrow's, mausoleum's, undercroft's, reliquary's, cenotaph's,
# columbarium's, hypogeum's, necropolis's, tumulus's, mastaba's, cairn's, dolmen's, kurgan's,
# tholos's, sarcophagus's, stupa's, pyramid's, ziggurat's, henge's, cromlech's, menhir's, obelisk's,
# trilithon's, stele's, cist's, broch's, nuraghe's, talayot's, naveta's, taula's, quoit's,
# hunebed's, dysse's, anta's, mamoa's, galgal's, fogou's, souterrain's, crannog's, cashel's,
# clochan's, rath's, castro's, motte's, oppidum's, bailey's, barbican's, keep's, bastion's, donjon's,
# citadel's, rampart's, palisade's, bulwark's, redoubt's, ravelin's, casemate's and glacis's.
PRODUCTION = {
    "barrow": barrow.PRODUCTION,
    "mausoleum": mausoleum.PRODUCTION,
    "undercroft": undercroft.PRODUCTION,
    "reliquary": reliquary.PRODUCTION,
    "cenotaph": cenotaph.PRODUCTION,
    "columbarium": columbarium.PRODUCTION,
    "hypogeum": hypogeum.PRODUCTION,
    "necropolis": necropolis.PRODUCTION,
    "tumulus": tumulus.PRODUCTION,
    "mastaba": mastaba.PRODUCTION,
    "cairn": cairn.PRODUCTION,
    "dolmen": dolmen.PRODUCTION,
    "kurgan": kurgan.PRODUCTION,
    "tholos": tholos.PRODUCTION,
    "sarcophagus": sarcophagus.PRODUCTION,
    "stupa": stupa.PRODUCTION,
    "pyramid": pyramid.PRODUCTION,
    "ziggurat": ziggurat.PRODUCTION,
    "henge": henge.PRODUCTION,
    "cromlech": cromlech.PRODUCTION,
    "menhir": menhir.PRODUCTION,
    "obelisk": obelisk.PRODUCTION,
    "trilithon": trilithon.PRODUCTION,
    "stele": stele.PRODUCTION,
    "cist": cist.PRODUCTION,
    "broch": broch.PRODUCTION,
    "nuraghe": nuraghe.PRODUCTION,
    "talayot": talayot.PRODUCTION,
    "naveta": naveta.PRODUCTION,
    "taula": taula.PRODUCTION,
    "quoit": quoit.PRODUCTION,
    "hunebed": hunebed.PRODUCTION,
    "dysse": dysse.PRODUCTION,
    "anta": anta.PRODUCTION,
    "mamoa": mamoa.PRODUCTION,
    "galgal": galgal.PRODUCTION,
    "fogou": fogou.PRODUCTION,
    "souterrain": souterrain.PRODUCTION,
    "crannog": crannog.PRODUCTION,
    "cashel": cashel.PRODUCTION,
    "clochan": clochan.PRODUCTION,
    "rath": rath.PRODUCTION,
    "castro": castro.PRODUCTION,
    "motte": motte.PRODUCTION,
    "oppidum": oppidum.PRODUCTION,
    "bailey": bailey.PRODUCTION,
    "barbican": barbican.PRODUCTION,
    "keep": keep.PRODUCTION,
    "bastion": bastion.PRODUCTION,
    "donjon": donjon.PRODUCTION,
    "citadel": citadel.PRODUCTION,
    "rampart": rampart.PRODUCTION,
    "palisade": palisade.PRODUCTION,
    "bulwark": bulwark.PRODUCTION,
    "redoubt": redoubt.PRODUCTION,
    "ravelin": ravelin.PRODUCTION,
    "casemate": casemate.PRODUCTION,
    "glacis": glacis.PRODUCTION,
}
CATEGORIES = tuple(COUNTS["held-out"])

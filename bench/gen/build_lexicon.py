#!/usr/bin/env python3
"""Build matchmaker/data/lexicon.json from the reviewed tables below (standard library only).

    python3 bench/gen/build_lexicon.py            # writes matchmaker/data/lexicon.json
    python3 bench/gen/check_lexicon.py matchmaker/data/lexicon.json

One concept per line::

    id | hs | group | broader | en terms ; … | ru terms ; … | az terms ; …

``-`` stands for null (hs of a service, no broader concept). Terms are dictionary (lemma) forms in
lower case; the matching engine does inflection and folding (ə→e, ş→s, ı/İ→i, ё→е). See
docs/lexicon.md for the rules and the review status.
"""
from __future__ import annotations

import json
import pathlib
import sys

VERSION = 1
SOURCES = [
    "Harmonized System 2022 nomenclature (WCO) chapter and heading titles",
    "Commodity nomenclature of foreign economic activity of the EAEU (TN VED EAEU), Russian titles",
    "Commodity nomenclature of foreign economic activity of the Republic of Azerbaijan (XİF MN), "
    "Azerbaijani titles",
    "Business wording of AZ-RU trade offers and requests, compiled and reviewed by the Matchmaker team",
]

GROUPS = {
    "fruit": ("Fruit and berries", "Фрукты и ягоды", "Meyvələr və giləmeyvələr"),
    "citrus": ("Citrus fruit", "Цитрусовые", "Sitrus meyvələri"),
    "melon": ("Melons and watermelons", "Бахчевые", "Bostan məhsulları"),
    "veg": ("Vegetables and pulses", "Овощи и бобовые", "Tərəvəz və paxlalılar"),
    "nuts": ("Nuts", "Орехи", "Qoz-fındıq"),
    "dried_fruit": ("Dried fruit", "Сухофрукты", "Quru meyvələr"),
    "tea": ("Tea and coffee", "Чай и кофе", "Çay və qəhvə"),
    "spice": ("Spices, seasonings and salt", "Специи, приправы и соль", "Ədviyyat, ədviyyələr və duz"),
    "drink": ("Beverages", "Напитки", "İçkilər"),
    "canned": ("Canned and processed food", "Консервы и переработанная продукция",
               "Konservlər və emal məhsulları"),
    "sugar": ("Sugar, honey and confectionery", "Сахар, мёд и кондитерские изделия",
              "Şəkər, bal və qənnadı məmulatı"),
    "dairy": ("Dairy products and eggs", "Молочная продукция и яйца", "Süd məhsulları və yumurta"),
    "meat": ("Meat and meat products", "Мясо и мясная продукция", "Ət və ət məhsulları"),
    "fish": ("Fish, seafood and caviar", "Рыба, морепродукты и икра", "Balıq, dəniz məhsulları və kürü"),
    "animal": ("Live animals, plants and animal products", "Живые животные, растения и продукты животного происхождения",
               "Diri heyvanlar, bitkilər və heyvan mənşəli məhsullar"),
    "grain": ("Grain, flour and feed", "Зерно, мука и корма", "Taxıl, un və yem"),
    "oil": ("Vegetable oils, fats and oilseeds", "Растительные масла, жиры и масличные",
            "Bitki yağları, piylər və yağlı toxumlar"),
    "food": ("Other food products", "Прочие продукты питания", "Digər ərzaq məhsulları"),
    "textile": ("Textiles, clothing, leather and footwear", "Текстиль, одежда, кожа и обувь",
                "Tekstil, geyim, dəri və ayaqqabı"),
    "wood": ("Wood and timber", "Древесина и лесоматериалы", "Ağac və taxta-şalban"),
    "paper": ("Paper, board and packaging", "Бумага, картон и упаковка", "Kağız, karton və qablaşdırma"),
    "building": ("Building materials and glass", "Строительные материалы и стекло",
                 "Tikinti materialları və şüşə"),
    "metal": ("Metals and metal products", "Металлы и металлопродукция", "Metallar və metal məmulatları"),
    "chem": ("Chemicals, fertilisers, plastics and rubber", "Химия, удобрения, пластмассы и резина",
             "Kimya, gübrələr, plastik kütlələr və rezin"),
    "pharma": ("Pharmaceuticals, medical goods and cosmetics", "Фармацевтика, медицинские товары и косметика",
               "Əczaçılıq, tibbi mallar və kosmetika"),
    "machinery": ("Machinery and equipment", "Машины и оборудование", "Maşınlar və avadanlıq"),
    "vehicle": ("Vehicles and parts", "Транспортные средства и запчасти", "Nəqliyyat vasitələri və ehtiyat hissələri"),
    "energy": ("Energy: fuels, oil products, gas, coal", "Энергоносители: топливо, нефтепродукты, газ, уголь",
               "Enerji daşıyıcıları: yanacaq, neft məhsulları, qaz, kömür"),
    "furniture": ("Furniture and lighting", "Мебель и освещение", "Mebel və işıqlandırma"),
    "consumer": ("Other manufactured goods", "Прочие промышленные товары", "Digər sənaye malları"),
    "svc_transport": ("Transport and logistics services", "Транспортные и логистические услуги",
                      "Nəqliyyat və logistika xidmətləri"),
    "svc_storage": ("Warehousing and storage services", "Складские услуги и хранение", "Anbar və saxlama xidmətləri"),
    "svc_trade": ("Customs, trade, finance and certification services",
                  "Таможенные, торговые, финансовые услуги и сертификация",
                  "Gömrük, ticarət, maliyyə və sertifikatlaşdırma xidmətləri"),
    "svc_it": ("IT and telecommunication services", "ИТ и телекоммуникационные услуги",
               "İT və telekommunikasiya xidmətləri"),
    "svc_travel": ("Tourism, hotels and hospitality", "Туризм, гостиницы и гостеприимство",
                   "Turizm, otellər və qonaqpərvərlik"),
    "svc_build": ("Construction, engineering and design", "Строительство, инжиниринг и проектирование",
                  "Tikinti, mühəndislik və layihələndirmə"),
    "svc_other": ("Business and other services", "Деловые и прочие услуги", "Biznes və digər xidmətlər"),
}

# Terms deliberately shared by two or more concepts (the engine may offer both readings).
AMBIGUOUS = [
    "cherry",   # sour or sweet cherry in English trade usage
    "pepper", "перец", "bibər",   # vegetable (Capsicum) or spice (Piper)
]

# --- Fruit, vegetables, nuts, tea, spices, drinks, processed food: the AZ->RU corridor ---------
FOOD = """
fresh_produce | 08 | fruit | - | fresh produce; fruit and vegetables; fresh fruit and vegetables | плодоовощная продукция; фрукты и овощи; овощи и фрукты | meyvə-tərəvəz; meyvə və tərəvəz; təzə meyvə-tərəvəz
apple | 0808.10 | fruit | - | apple | яблоко | alma
pear | 0808.30 | fruit | - | pear | груша | armud
quince | 0808.40 | fruit | - | quince | айва | heyva
apricot | 0809.10 | fruit | - | apricot | абрикос | ərik
sour_cherry | 0809.21 | fruit | - | sour cherry; morello cherry; cherry | вишня | albalı
sweet_cherry | 0809.29 | fruit | - | sweet cherry; cherry | черешня | gilas
peach | 0809.30 | fruit | - | peach | персик | şaftalı
nectarine | 0809.30 | fruit | peach | nectarine | нектарин | nektarin
plum | 0809.40 | fruit | - | plum | слива | gavalı
cherry_plum | 0809.40 | fruit | plum | cherry plum; alycha | алыча; ткемали | alça
grape | 0806.10 | fruit | - | grape; table grape; fresh grape | виноград; столовый виноград | üzüm; süfrə üzümü
persimmon | 0810.70 | fruit | - | persimmon; kaki; sharon fruit | хурма; хурма королёк | xurma
pomegranate | 0810.90 | fruit | - | pomegranate | гранат | nar
fig | 0804.20 | fruit | - | fig | инжир; смоква | əncir
feijoa | 0810.90 | fruit | - | feijoa; pineapple guava | фейхоа | feyxoa
kiwi | 0810.50 | fruit | - | kiwi; kiwifruit | киви | kivi
strawberry | 0810.10 | fruit | - | strawberry | клубника; земляника | çiyələk
raspberry | 0810.20 | fruit | - | raspberry | малина | moruq
blackberry | 0810.20 | fruit | - | blackberry | ежевика | böyürtkən
mulberry | 0810.20 | fruit | - | mulberry | шелковица; тутовник; тута | tut
blueberry | 0810.40 | fruit | - | blueberry; bilberry | голубика; черника | qaragilə
currant | 0810.30 | fruit | - | currant; blackcurrant; redcurrant | смородина | qarağat
cornel | 0810.90 | fruit | - | cornelian cherry; cornel; dogwood berry | кизил | zoğal
medlar | 0810.90 | fruit | - | medlar | мушмула | əzgil
banana | 0803.90 | fruit | - | banana | банан | banan
date | 0804.10 | fruit | - | date; date fruit | финик | palma xurması; finik
citrus | 0805 | citrus | - | citrus; citrus fruit | цитрусовые; цитрусы | sitrus; sitrus meyvələri
lemon | 0805.50 | citrus | citrus | lemon | лимон | limon
lime | 0805.50 | citrus | citrus | lime | лайм | laym
mandarin | 0805.21 | citrus | citrus | mandarin; tangerine; satsuma | мандарин | naringi; mandarin
orange | 0805.10 | citrus | citrus | orange | апельсин | portağal
grapefruit | 0805.40 | citrus | citrus | grapefruit | грейпфрут | qreypfrut
melons | 0807 | melon | - | melons and watermelons; cucurbits | бахчевые; бахчевые культуры | bostan məhsulları; bostan bitkiləri
watermelon | 0807.11 | melon | melons | watermelon | арбуз | qarpız
melon | 0807.19 | melon | melons | melon; muskmelon; cantaloupe | дыня | yemiş; qovun
tomato | 0702 | veg | - | tomato | томат; помидор | pomidor
cherry_tomato | 0702 | veg | tomato | cherry tomato | томат черри; помидор черри | çeri pomidor
cucumber | 0707 | veg | - | cucumber; gherkin | огурец; корнишон | xiyar
potato | 0701 | veg | - | potato; ware potato | картофель; картошка | kartof
seed_potato | 0701.10 | veg | potato | seed potato | семенной картофель | toxumluq kartof
onion | 0703.10 | veg | - | onion; bulb onion | лук; лук репчатый; репчатый лук | soğan
green_onion | 0703.10 | veg | onion | green onion; spring onion | зелёный лук | yaşıl soğan; göy soğan
garlic | 0703.20 | veg | - | garlic | чеснок | sarımsaq
cabbage | 0704.90 | veg | - | cabbage; white cabbage | капуста; белокочанная капуста | kələm; ağbaş kələm
cauliflower | 0704.10 | veg | - | cauliflower | цветная капуста | gül kələm
broccoli | 0704.10 | veg | - | broccoli | брокколи | brokkoli
carrot | 0706.10 | veg | - | carrot | морковь | yerkökü
beetroot | 0706.90 | veg | - | beetroot; red beet | свёкла; столовая свёкла | çuğundur
radish | 0706.90 | veg | - | radish | редис; редька | turp
sweet_pepper | 0709.60 | veg | - | sweet pepper; bell pepper; pepper | сладкий перец; болгарский перец; перец | bolqar bibəri; şirin bibər; bibər
hot_pepper | 0709.60 | veg | - | hot pepper; chili pepper; chilli | острый перец; перец чили | acı bibər
eggplant | 0709.30 | veg | - | eggplant; aubergine | баклажан | badımcan
zucchini | 0709.93 | veg | - | zucchini; courgette; marrow | кабачок; цукини | kabaçok
pumpkin | 0709.93 | veg | - | pumpkin; squash | тыква | balqabaq
greens | 0709.99 | veg | - | fresh herbs; greens; leafy greens | зелень; свежая зелень | göyərti; göy-göyərti
dill | 0709.99 | veg | greens | dill | укроп | şüyüd
parsley | 0709.99 | veg | greens | parsley | петрушка | cəfəri
cilantro | 0709.99 | veg | greens | cilantro; fresh coriander | кинза | kişniş
basil | 0709.99 | veg | greens | basil | базилик; райхан | reyhan
lettuce | 0705.11 | veg | greens | lettuce; salad leaves | салат латук; листовой салат | kahı
spinach | 0709.70 | veg | greens | spinach | шпинат | ispanaq
mushroom | 0709 | veg | - | mushroom; champignon | гриб; шампиньон | göbələk
green_bean | 0708.20 | veg | - | green bean; string bean | стручковая фасоль | yaşıl lobya; paxla lobya
bean | 0713.33 | veg | - | bean; dry bean; kidney bean | фасоль | lobya
chickpea | 0713.20 | veg | - | chickpea | нут | noxud
lentil | 0713.40 | veg | - | lentil | чечевица | mərci
pea | 0713.10 | veg | - | pea; dry pea; green pea | горох; горошек; зелёный горошек | göy noxud; yaşıl noxud
nuts | 0802 | nuts | - | nuts; tree nuts | орехи | qoz-fındıq
hazelnut | 0802 | nuts | nuts | hazelnut; filbert; hazelnut kernel | фундук; лесной орех; ядро фундука | fındıq; fındıq ləpəsi
walnut | 0802 | nuts | nuts | walnut; walnut kernel | грецкий орех; ядро грецкого ореха | qoz; qoz ləpəsi
almond | 0802 | nuts | nuts | almond | миндаль | badam
chestnut | 0802 | nuts | nuts | chestnut | каштан | şabalıd
pistachio | 0802 | nuts | nuts | pistachio | фисташка | püstə
peanut | 1202 | nuts | - | peanut; groundnut | арахис | araxis; yer fındığı
cashew | 0801 | nuts | nuts | cashew | кешью | keşyu
dried_fruit | 0813 | dried_fruit | - | dried fruit | сухофрукты; сушёные фрукты | quru meyvə; qurudulmuş meyvə
raisins | 0806.20 | dried_fruit | dried_fruit | raisins; sultanas | изюм; кишмиш | kişmiş; mövüc
dried_apricot | 0813.10 | dried_fruit | dried_fruit | dried apricot | курага; урюк | ərik qurusu; qaysı
prunes | 0813.20 | dried_fruit | dried_fruit | prunes; dried plum | чернослив | gavalı qurusu; qara gavalı qurusu
tea | 0902 | tea | - | tea | чай | çay
black_tea | 0902 | tea | tea | black tea | чёрный чай | qara çay
green_tea | 0902 | tea | tea | green tea | зелёный чай | yaşıl çay
herbal_tea | 1211.90 | tea | - | herbal tea; herbal infusion | травяной чай; фиточай | bitki çayı
coffee | 0901 | tea | - | coffee; coffee beans | кофе; кофе в зёрнах | qəhvə
spices | 0910 | spice | - | spices; seasonings | специи; пряности; приправы | ədviyyat; ədviyyə
saffron | 0910.20 | spice | spices | saffron | шафран | zəfəran
sumac | 0910.99 | spice | spices | sumac; sumach | сумах | sumax
black_pepper | 0904.11 | spice | spices | black pepper; peppercorn; pepper | чёрный перец; перец горошком; перец | qara istiot; istiot; bibər
paprika | 0904.22 | spice | spices | paprika; ground red pepper | паприка; красный молотый перец | paprika; qırmızı istiot
wine | 2204 | drink | - | wine; grape wine | вино; виноградное вино | şərab; üzüm şərabı
sparkling_wine | 2204.10 | drink | wine | sparkling wine; champagne | игристое вино; шампанское | köpüklü şərab; şampan
bulk_wine | 2204.29 | drink | wine | bulk wine; wine material | виноматериал; наливное вино | şərab materialı
brandy | 2208.20 | drink | - | brandy; cognac | коньяк; бренди | konyak; brendi
vodka | 2208.60 | drink | - | vodka | водка | araq
beer | 2203 | drink | - | beer | пиво | pivə
mineral_water | 2201.10 | drink | - | mineral water; sparkling water | минеральная вода; минералка | mineral su
drinking_water | 2201.90 | drink | - | drinking water; bottled water | питьевая вода; бутилированная вода | içməli su; qablaşdırılmış su
juice | 2009 | drink | - | fruit juice; juice | сок; фруктовый сок | meyvə şirəsi; şirə
pomegranate_juice | 2009.89 | drink | juice | pomegranate juice | гранатовый сок | nar şirəsi
apple_juice | 2009.79 | drink | juice | apple juice | яблочный сок | alma şirəsi
juice_concentrate | 2009 | drink | juice | juice concentrate; fruit concentrate | концентрированный сок; сок концентрат | şirə konsentratı; konsentratlaşdırılmış şirə
soft_drinks | 2202.10 | drink | - | soft drink; lemonade; carbonated drink | безалкогольный напиток; газированный напиток; лимонад | sərinləşdirici içki; qazlı içki; limonad
canned_vegetables | 2005 | canned | - | canned vegetables; preserved vegetables | овощные консервы; консервированные овощи | tərəvəz konservləri; konservləşdirilmiş tərəvəz
pickles | 2001 | canned | canned_vegetables | pickles; pickled vegetables; marinated vegetables | соленья; маринованные овощи; маринады | turşu; duza qoyulmuş tərəvəz
canned_fruit | 2008 | canned | - | canned fruit; fruit preserves | фруктовые консервы; консервированные фрукты | meyvə konservləri; konservləşdirilmiş meyvə
jam | 2007 | canned | - | jam; marmalade; confiture | варенье; джем; повидло; конфитюр | mürəbbə; cem
tomato_paste | 2002.90 | canned | - | tomato paste; tomato puree | томатная паста; томат-паста | tomat pastası
sugar | 1701 | sugar | - | sugar; white sugar | сахар; сахар-песок | şəkər; şəkər tozu
honey | 0409 | sugar | - | honey; natural honey | мёд; натуральный мёд | bal; təbii bal
confectionery | 1704 | sugar | - | confectionery; sweets; candy | кондитерские изделия; конфеты; сладости | qənnadı məmulatı; şirniyyat; konfet
"""

# --- Agricultural and industrial goods: the RU->AZ corridor (first part) ------------------------
GOODS = """
wheat | 1001 | grain | - | wheat; milling wheat; feed wheat | пшеница; продовольственная пшеница; фуражная пшеница | buğda
barley | 1003 | grain | - | barley; feed barley | ячмень | arpa
maize | 1005 | grain | - | maize; corn; grain corn | кукуруза | qarğıdalı
flour | 1101 | grain | - | flour; wheat flour | мука; пшеничная мука; мука пшеничная | un; buğda unu
sunflower_oil | 1512 | oil | - | sunflower oil; sunflower seed oil | подсолнечное масло; масло подсолнечное | günəbaxan yağı
timber | 4407 | wood | - | timber; lumber; sawn timber; sawn wood | пиломатериалы; лесоматериалы; доска обрезная | taxta-şalban; mişar materialları; taxta
rebar | 7214.20 | metal | - | rebar; reinforcing bar; reinforcing steel | арматура; арматурная сталь | armatur
steel_pipe | 7306 | metal | - | steel pipe; steel tube | стальная труба; труба стальная | polad boru
"""

SERVICES = """
logistics | - | svc_transport | - | logistics services; logistics; freight transport; cargo transportation | логистические услуги; логистика; грузоперевозки; перевозка грузов | logistika xidmətləri; logistika; yük daşımaları; yükdaşıma
freight_forwarding | - | svc_transport | logistics | freight forwarding; forwarding services; freight forwarder | транспортно-экспедиционные услуги; экспедирование; экспедитор | ekspeditor xidmətləri; ekspeditor; yük ekspedisiyası
customs_clearance | - | svc_trade | - | customs clearance; customs brokerage; customs broker | таможенное оформление; таможенный брокер; таможенный представитель | gömrük rəsmiləşdirilməsi; gömrük brokeri; gömrük bəyannaməsi
cold_storage | - | svc_storage | - | cold storage; refrigerated warehouse | холодильный склад; хранение в холодильнике; холодильник для хранения | soyuducu anbar; soyuducu anbarda saxlama
warehousing | - | svc_storage | - | warehousing; warehouse services; storage | складские услуги; ответственное хранение; склад | anbar xidmətləri; anbar; saxlama
"""

TABLES = [("FOOD", FOOD), ("GOODS", GOODS), ("SERVICES", SERVICES)]


def _terms(field: str) -> list[str]:
    return [t.strip() for t in field.split(";") if t.strip()]


def parse(name: str, table: str) -> list[dict]:
    out = []
    for n, line in enumerate(table.strip("\n").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 7:
            raise SystemExit(f"{name} line {n}: expected 7 fields, got {len(parts)}: {line!r}")
        cid, hs, group, broader, en, ru, az = parts
        out.append({
            "id": cid,
            "hs": None if hs == "-" else hs,
            "group": group,
            "en": _terms(en),
            "ru": _terms(ru),
            "az": _terms(az),
            "broader": None if broader == "-" else broader,
        })
    return out


def build() -> dict:
    concepts: list[dict] = []
    for name, table in TABLES:
        concepts.extend(parse(name, table))
    return {
        "version": VERSION,
        "sources": SOURCES,
        "groups": {g: {"en": en, "ru": ru, "az": az} for g, (en, ru, az) in GROUPS.items()},
        "ambiguous": AMBIGUOUS,
        "concepts": concepts,
    }


def dump(data: dict) -> str:
    """Stable JSON with one concept per line (reviewable diffs)."""
    lines = ["{"]
    lines.append(f'  "version": {json.dumps(data["version"])},')
    lines.append(f'  "sources": {json.dumps(data["sources"], ensure_ascii=False, indent=4)},'.replace("\n]", "\n  ]"))
    lines.append('  "groups": {')
    items = list(data["groups"].items())
    for i, (g, names) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        lines.append(f"    {json.dumps(g)}: {json.dumps(names, ensure_ascii=False)}{comma}")
    lines.append("  },")
    lines.append(f'  "ambiguous": {json.dumps(data["ambiguous"], ensure_ascii=False)},')
    lines.append('  "concepts": [')
    for i, c in enumerate(data["concepts"]):
        comma = "," if i < len(data["concepts"]) - 1 else ""
        lines.append(f"    {json.dumps(c, ensure_ascii=False)}{comma}")
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    root = pathlib.Path(__file__).resolve().parents[2]
    out = pathlib.Path(argv[1]) if len(argv) > 1 else root / "matchmaker" / "data" / "lexicon.json"
    data = build()
    text = dump(data)
    json.loads(text)  # sanity: the hand-made layout is valid JSON
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({len(data['concepts'])} concepts)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

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

# --- HS 2022 chapters: the chapter's name (short form) first, then 1-3 general terms -------------
CHAPTERS = """
hs01 | 01 | animal | - | live animals; livestock | живые животные; скот | diri heyvanlar; mal-qara
hs02 | 02 | meat | - | meat and edible meat offal; meat | мясо и пищевые мясные субпродукты; мясо | ət və yeyilən ət əlavə məhsulları; ət
hs03 | 03 | fish | - | fish and crustaceans, molluscs and other aquatic invertebrates; fish and crustaceans; seafood; fish and seafood | рыба и ракообразные, моллюски и прочие водные беспозвоночные; рыба и ракообразные; морепродукты; рыба и морепродукты | balıq və xərçəngkimilər, molyusklar və digər su onurğasızları; balıq və xərçəngkimilər; dəniz məhsulları; balıq və dəniz məhsulları
hs04 | 04 | dairy | - | dairy produce, birds' eggs and natural honey; dairy products; dairy | молочная продукция, яйца птиц, мёд натуральный; молочная продукция; молочные продукты | süd məhsulları, quş yumurtası, təbii bal; süd məhsulları
hs05 | 05 | animal | - | products of animal origin; animal by-products | продукты животного происхождения; сырьё животного происхождения | heyvan mənşəli məhsullar; heyvan mənşəli xammal
hs06 | 06 | animal | - | live trees and other plants, bulbs, roots, cut flowers; live plants; ornamental plants | живые деревья и другие растения, луковицы, корни, срезанные цветы; живые растения; декоративные растения | diri ağaclar və digər bitkilər, soğanaqlar, köklər, kəsilmiş güllər; diri bitkilər; dekorativ bitkilər
hs07 | 07 | veg | - | edible vegetables and certain roots and tubers; vegetable; fresh vegetable | овощи и некоторые съедобные корнеплоды и клубнеплоды; овощи; свежие овощи | yeyilən tərəvəz və bəzi kökümeyvəlilər və kökyumrular; tərəvəz; təzə tərəvəz
hs08 | 08 | fruit | - | edible fruit and nuts; fruit; fresh fruit | съедобные фрукты и орехи; фрукты; плоды; свежие фрукты | yeyilən meyvələr və qoz-fındıq; meyvə; təzə meyvə
hs09 | 09 | tea | - | coffee, tea, maté and spices; coffee, tea and spices | кофе, чай, мате и пряности; кофе, чай и пряности | qəhvə, çay, mate və ədviyyat; çay, qəhvə və ədviyyat
hs10 | 10 | grain | - | cereals; grain; grain crops | злаки; зерно; зерновые культуры | dənli bitkilər; taxıl; dən
hs11 | 11 | grain | - | products of the milling industry, malt, starches, inulin, wheat gluten; milling products | продукция мукомольно-крупяной промышленности, солод, крахмалы, инулин, пшеничная клейковина; мукомольная продукция; мукомольно-крупяная продукция | un-üyütmə sənayesi məhsulları, səməni, nişasta, inulin, buğda kleykovinası; un-yarma məhsulları
hs12 | 12 | oil | - | oil seeds and oleaginous fruits, miscellaneous grains, seeds and fruit, industrial or medicinal plants, straw and fodder; oilseeds; oil crops | масличные семена и плоды, прочие семена, плоды и зерно, лекарственные растения и растения для технических целей, солома и фураж; масличные культуры; масличные | yağlı toxumlar və meyvələr, digər toxumlar, dərman və texniki bitkilər, saman və yem; yağlı toxumlar; yağlı bitkilər
hs13 | 13 | food | - | lac, gums, resins and other vegetable saps and extracts; plant extracts | шеллак, камеди, смолы и прочие растительные соки и экстракты; растительные экстракты | şellak, kitrə, qatran və digər bitki şirələri və ekstraktları; bitki ekstraktları
hs14 | 14 | food | - | vegetable plaiting materials, vegetable products n.e.s.; vegetable plaiting materials | растительные материалы для изготовления плетёных изделий, прочие продукты растительного происхождения; материалы для плетения | hörmə üçün bitki materialları, digər bitki mənşəli məhsullar; hörmə materialları
hs15 | 15 | oil | - | animal, vegetable or microbial fats and oils, prepared edible fats, waxes; fats and oils; vegetable oil; edible oil | жиры и масла животного, растительного или микробиологического происхождения, готовые пищевые жиры, воски; жиры и масла; растительное масло; пищевое масло | heyvan, bitki və ya mikrob mənşəli piylər və yağlar, hazır yeyinti piyləri, mumlar; piylər və yağlar; bitki yağı; yeyinti yağı
hs16 | 16 | canned | - | preparations of meat, of fish, of crustaceans, molluscs or insects; meat and fish preparations | готовые продукты из мяса, рыбы, ракообразных, моллюсков или насекомых; мясные и рыбные продукты | ətdən, balıqdan, xərçəngkimilərdən, molyusklardan və ya həşəratlardan hazırlanmış məhsullar; ət və balıq məhsulları
hs17 | 17 | sugar | - | sugars and sugar confectionery; sugar confectionery | сахар и кондитерские изделия из сахара; кондитерские изделия из сахара | şəkər və şəkərdən qənnadı məmulatı; şəkərli qənnadı məmulatı
hs18 | 18 | sugar | - | cocoa and cocoa preparations; cocoa; cocoa products | какао и продукты из него; какао; какао-продукты | kakao və ondan hazırlanan məhsullar; kakao; kakao məhsulları
hs19 | 19 | food | - | preparations of cereals, flour, starch or milk, pastrycooks' products; bakery products; flour confectionery | готовые продукты из зерна злаков, муки, крахмала или молока, мучные кондитерские изделия; хлебобулочные изделия; мучные кондитерские изделия | taxıldan, undan, nişastadan və ya süddən hazırlanmış məhsullar, unlu qənnadı məmulatı; çörək-bulka məmulatı; unlu qənnadı məmulatı
hs20 | 20 | canned | - | preparations of vegetables, fruit, nuts or other parts of plants; processed fruit and vegetables; canned food | продукты переработки овощей, фруктов, орехов или прочих частей растений; плодоовощные консервы; консервы | tərəvəz, meyvə, qoz-fındıq və ya bitkilərin digər hissələrinin emalı məhsulları; meyvə-tərəvəz konservləri; konserv
hs21 | 21 | food | - | miscellaneous edible preparations; food preparations | разные пищевые продукты; пищевые полуфабрикаты | müxtəlif yeyinti məhsulları; yeyinti yarımfabrikatları
hs22 | 22 | drink | - | beverages, spirits and vinegar; beverage; drinks | алкогольные и безалкогольные напитки и уксус; напитки | spirtli və spirtsiz içkilər və sirkə; içki
hs23 | 23 | grain | - | residues and waste from the food industries, prepared animal fodder; prepared animal fodder; food industry waste | остатки и отходы пищевой промышленности, готовые корма для животных; готовые корма для животных; отходы пищевой промышленности | yeyinti sənayesinin qalıqları və tullantıları, hazır heyvan yemi; hazır heyvan yemi; yeyinti sənayesi tullantıları
hs24 | 24 | food | - | tobacco and manufactured tobacco substitutes, nicotine products; tobacco products | табак и промышленные заменители табака, никотинсодержащая продукция; табачные изделия; табачная продукция | tütün və sənaye tütün əvəzediciləri, nikotinli məhsullar; tütün məmulatı
hs25 | 25 | building | - | salt, sulphur, earths and stone, plastering materials, lime and cement; non-metallic minerals; mineral raw materials | соль, сера, земли и камень, штукатурные материалы, известь и цемент; нерудные материалы; нерудное сырьё | duz, kükürd, torpaq və daş, suvaq materialları, əhəng və sement; qeyri-filiz faydalı qazıntılar; qeyri-metal xammal
hs26 | 26 | metal | - | ores, slag and ash; ore; ore concentrate | руды, шлак и зола; руда; рудный концентрат | filizlər, şlak və kül; filiz; filiz konsentratı
hs27 | 27 | energy | - | mineral fuels, mineral oils and products of their distillation, bituminous substances, mineral waxes; fuel; energy resources; energy products | топливо минеральное, нефть и продукты их перегонки, битуминозные вещества, воски минеральные; топливо; энергоносители; энергоресурсы | mineral yanacaq, neft və onun distillə məhsulları, bitumlu maddələr, mineral mumlar; yanacaq; enerji daşıyıcıları; enerji resursları
hs28 | 28 | chem | - | inorganic chemicals, compounds of precious metals, rare-earth metals, radioactive elements or isotopes; inorganic chemicals | продукты неорганической химии, соединения драгоценных и редкоземельных металлов, радиоактивных элементов, изотопов; неорганическая химия; неорганические химикаты | qeyri-üzvi kimya məhsulları, qiymətli və nadir torpaq metallarının, radioaktiv elementlərin və izotopların birləşmələri; qeyri-üzvi kimya məhsulları
hs29 | 29 | chem | - | organic chemicals; organic chemistry | органические химические соединения; органическая химия | üzvi kimyəvi birləşmələr; üzvi kimya
hs30 | 30 | pharma | - | pharmaceutical products; pharmaceuticals | фармацевтическая продукция; фармацевтика | əczaçılıq məhsulları; əczaçılıq
hs31 | 31 | chem | - | fertilisers; fertilizer | удобрения; удобрение | gübrələr; gübrə
hs32 | 32 | chem | - | tanning or dyeing extracts, dyes, pigments, paints and varnishes, putty, inks; dyes and pigments | экстракты дубильные или красильные, красители, пигменты, краски и лаки, шпатлёвки, чернила; красители и пигменты | aşılayıcı və ya boyayıcı ekstraktlar, boyaq maddələri, piqmentlər, boya və laklar, şpaklevka, mürəkkəb; boyaq maddələri və piqmentlər
hs33 | 33 | pharma | - | essential oils and resinoids, perfumery, cosmetic or toilet preparations; perfumery and cosmetics | эфирные масла и резиноиды, парфюмерные, косметические или туалетные средства; парфюмерия и косметика | efir yağları və rezinoidlər, ətriyyat, kosmetika və ya tualet vasitələri; ətriyyat və kosmetika
hs34 | 34 | chem | - | soap, washing and lubricating preparations, artificial and prepared waxes, candles, modelling pastes; soaps, detergents and waxes | мыло, моющие и смазочные средства, искусственные и готовые воски, свечи, пасты для лепки; мыло, моющие средства и воски | sabun, yuyucu və sürtkü vasitələri, süni və hazır mumlar, şamlar, modelləşdirmə pastaları; sabun, yuyucu vasitələr və mumlar
hs35 | 35 | chem | - | albuminoidal substances, modified starches, glues, enzymes; glues and enzymes | белковые вещества, модифицированные крахмалы, клеи, ферменты; клеи и ферменты | zülal maddələri, modifikasiya olunmuş nişastalar, yapışqanlar, fermentlər; yapışqanlar və fermentlər
hs36 | 36 | chem | - | explosives, pyrotechnic products, matches, pyrophoric alloys; explosives; pyrotechnics | взрывчатые вещества, пиротехнические изделия, спички, пирофорные сплавы; взрывчатые вещества; пиротехника | partlayıcı maddələr, pirotexnika məmulatı, kibrit, piroforik ərintilər; partlayıcı maddələr; pirotexnika
hs37 | 37 | chem | - | photographic or cinematographic goods; photographic materials | фото- и кинотовары; фотоматериалы | foto və kino malları; fotomateriallar
hs38 | 38 | chem | - | miscellaneous chemical products; chemical preparations | прочие химические продукты; химические препараты | müxtəlif kimya məhsulları; kimyəvi preparatlar
hs39 | 39 | chem | - | plastics and articles thereof; plastics; plastic | пластмассы и изделия из них; пластмассы; пластик | plastik kütlələr və onlardan məmulatlar; plastik kütlələr; plastik
hs40 | 40 | chem | - | rubber and articles thereof; rubber products; rubber goods | каучук, резина и изделия из них; резиновые изделия; резинотехнические изделия | kauçuk, rezin və onlardan məmulatlar; rezin məmulatları; rezin-texniki məmulatlar
hs41 | 41 | textile | - | raw hides and skins and leather; hides and leather | необработанные шкуры и выделанная кожа; шкуры и кожа | xam dərilər və aşılanmış dəri; dəri və dəri xammalı
hs42 | 42 | textile | - | articles of leather, saddlery and harness, travel goods, handbags; leather goods | изделия из кожи, шорно-седельные изделия, дорожные принадлежности, сумки; кожгалантерея; кожаные изделия | dəri məmulatları, yəhər-qoşqu ləvazimatı, yol ləvazimatı, əl çantaları; dəri-qalantereya məmulatları
hs43 | 43 | textile | - | furskins and artificial fur, manufactures thereof; fur; fur products | натуральный и искусственный мех, изделия из него; мех; меховые изделия | təbii və süni xəz, onlardan məmulatlar; xəz; xəz məmulatları
hs44 | 44 | wood | - | wood and articles of wood, wood charcoal; wood; wood products | древесина и изделия из неё, древесный уголь; древесина; изделия из дерева | ağac və ağac məmulatları, ağac kömürü; oduncaq; ağac məmulatları
hs45 | 45 | wood | - | cork and articles of cork; cork | пробка и изделия из неё; пробковые изделия | mantar və mantar məmulatları; mantar
hs46 | 46 | wood | - | manufactures of straw or other plaiting materials, basketware and wickerwork; basketware; wickerwork | изделия из соломы или прочих материалов для плетения, корзиночные и плетёные изделия; плетёные изделия | samandan və ya digər hörmə materiallarından məmulatlar, səbətçilik məmulatları; hörmə məmulatları
hs47 | 47 | paper | - | pulp of wood or other fibrous cellulosic material, recovered paper or paperboard; wood pulp; waste paper | масса из древесины или других волокнистых целлюлозных материалов, макулатура; целлюлоза; макулатура | oduncaq və ya digər lifli sellüloz materiallarının kütləsi, makulatura; sellüloza; makulatura
hs48 | 48 | paper | - | paper and paperboard, articles of paper pulp, paper or paperboard; paper products | бумага и картон, изделия из бумажной массы, бумаги или картона; изделия из бумаги | kağız və karton, kağız kütləsindən, kağızdan və ya kartondan məmulatlar; kağız məmulatları
hs49 | 49 | paper | - | printed books, newspapers, pictures and other products of the printing industry; printed matter; printing products | печатные книги, газеты, репродукции и другие изделия полиграфической промышленности; печатная продукция; полиграфическая продукция | çap kitabları, qəzetlər, şəkillər və poliqrafiya sənayesinin digər məmulatları; çap məhsulları; poliqrafiya məhsulları
hs50 | 50 | textile | - | silk | шёлк | ipək
hs51 | 51 | textile | - | wool, fine or coarse animal hair, horsehair yarn and woven fabric; wool | шерсть, тонкий или грубый волос животных, пряжа и ткань из конского волоса; шерсть | yun, heyvanların incə və ya qaba tükü, at tükündən iplik və parça; yun
hs52 | 52 | textile | - | cotton | хлопок | pambıq
hs53 | 53 | textile | - | other vegetable textile fibres, paper yarn and woven fabrics of paper yarn; flax; jute | прочие растительные текстильные волокна, бумажная пряжа и ткани из неё; лён; джут | digər bitki tekstil lifləri, kağız iplik və ondan parçalar; kətan
hs54 | 54 | textile | - | man-made filaments; synthetic filament yarn | химические нити; синтетические нити | kimyəvi saplar; sintetik saplar
hs55 | 55 | textile | - | man-made staple fibres; synthetic fibres | химические волокна; синтетические волокна | kimyəvi liflər; sintetik liflər
hs56 | 56 | textile | - | wadding, felt and nonwovens, special yarns, twine, cordage, ropes and cables; nonwovens; ropes | вата, войлок и нетканые материалы, специальная пряжа, бечёвки, верёвки, канаты; нетканые материалы; канаты и верёвки | pambıq-vata, keçə və toxunmamış materiallar, xüsusi iplik, kəndir, ip və kanatlar; toxunmamış materiallar; ip və kanatlar
hs57 | 57 | textile | - | carpets and other textile floor coverings; floor coverings | ковры и прочие текстильные напольные покрытия; напольные покрытия | xalçalar və digər tekstil döşəmə örtükləri; döşəmə örtükləri
hs58 | 58 | textile | - | special woven fabrics, tufted textile fabrics, lace, tapestries, trimmings, embroidery; lace and embroidery | специальные ткани, тафтинговые материалы, кружева, гобелены, отделочные материалы, вышивки; кружева и вышивки | xüsusi parçalar, tafting materialları, krujeva, qobelenlər, bəzək materialları, tikmələr; krujeva və tikmələr
hs59 | 59 | textile | - | impregnated, coated, covered or laminated textile fabrics, textile articles for industrial use; technical textiles | текстильные материалы, пропитанные, с покрытием или дублированные, текстильные изделия технического назначения; технический текстиль | hopdurulmuş, örtüklü və ya dublyaj edilmiş tekstil materialları, texniki təyinatlı tekstil məmulatları; texniki tekstil
hs60 | 60 | textile | - | knitted or crocheted fabrics; knitted fabric | трикотажные полотна машинного или ручного вязания; трикотажное полотно | maşın və ya əl toxuması trikotaj polotnolar; trikotaj polotno
hs61 | 61 | textile | - | articles of apparel and clothing accessories, knitted or crocheted; knitwear | предметы одежды и принадлежности к одежде, трикотажные; трикотаж; трикотажные изделия | trikotaj geyim əşyaları və geyim ləvazimatı; trikotaj; trikotaj məmulatları
hs62 | 62 | textile | - | articles of apparel and clothing accessories, not knitted or crocheted; woven apparel | предметы одежды и принадлежности к одежде, кроме трикотажных; швейные изделия | trikotaj olmayan geyim əşyaları və geyim ləvazimatı; tikiş məmulatları
hs63 | 63 | textile | - | other made up textile articles, sets, worn clothing and worn textile articles, rags; worn clothing; second-hand clothing | прочие готовые текстильные изделия, наборы, одежда и текстильные изделия, бывшие в употреблении, тряпьё; одежда бывшая в употреблении; секонд-хенд | digər hazır tekstil məmulatları, dəstlər, işlənmiş geyim və tekstil məmulatları, cındır; işlənmiş geyim; ikinci əl geyim
hs64 | 64 | textile | - | footwear, gaiters and the like, parts of such articles; footwear parts | обувь, гетры и аналогичные изделия, их детали; детали обуви | ayaqqabı, getrlər və oxşar məmulatlar, onların hissələri; ayaqqabı hissələri
hs65 | 65 | textile | - | headgear and parts thereof; headgear; hats | головные уборы и их части; головные уборы; шляпы | baş geyimləri və onların hissələri; baş geyimləri; papaq
hs66 | 66 | consumer | - | umbrellas, sun umbrellas, walking-sticks, seat-sticks, whips, riding-crops and parts thereof; umbrellas | зонты, солнцезащитные зонты, трости, трости-сиденья, хлысты, кнуты и их части; зонты | çətirlər, günəş çətirləri, əl ağacları, qamçılar və onların hissələri; çətir
hs67 | 67 | consumer | - | prepared feathers and down, artificial flowers, articles of human hair; artificial flowers | обработанные перья и пух, искусственные цветы, изделия из человеческого волоса; искусственные цветы | emal olunmuş lələk və tük, süni güllər, insan saçından məmulatlar; süni güllər
hs68 | 68 | building | - | articles of stone, plaster, cement, asbestos, mica or similar materials; stone products | изделия из камня, гипса, цемента, асбеста, слюды или аналогичных материалов; изделия из камня | daşdan, gipsdən, sementdən, asbestdən, slyudadan və ya oxşar materiallardan məmulatlar; daş məmulatları
hs69 | 69 | building | - | ceramic products; ceramics | керамические изделия; керамика | keramika məmulatları; keramika
hs70 | 70 | building | - | glass and glassware; glass | стекло и изделия из него; стекло | şüşə və şüşə məmulatları; şüşə
hs71 | 71 | consumer | - | natural or cultured pearls, precious or semi-precious stones, precious metals, imitation jewellery, coin; jewellery; precious metals; precious stones | жемчуг, драгоценные и полудрагоценные камни, драгоценные металлы, бижутерия, монеты; ювелирные изделия; драгоценные металлы; драгоценные камни | təbii və ya becərilmiş mirvari, qiymətli və yarımqiymətli daşlar, qiymətli metallar, bijuteriya, sikkələr; zərgərlik məmulatları; qiymətli metallar; qiymətli daşlar
hs72 | 72 | metal | - | iron and steel; ferrous metals; steel | чёрные металлы; сталь | qara metallar; polad
hs73 | 73 | metal | - | articles of iron or steel; steel products | изделия из чёрных металлов; изделия из стали | qara metallardan məmulatlar; polad məmulatları
hs74 | 74 | metal | - | copper and articles thereof; copper | медь и изделия из неё; медь | mis və ondan məmulatlar; mis
hs75 | 75 | metal | - | nickel and articles thereof; nickel | никель и изделия из него; никель | nikel və ondan məmulatlar; nikel
hs76 | 76 | metal | - | aluminium and articles thereof; aluminium; aluminum | алюминий и изделия из него; алюминий | alüminium və ondan məmulatlar; alüminium
hs77 | 77 | metal | - | | |
hs78 | 78 | metal | - | lead and articles thereof; refined lead; lead ingots | свинец и изделия из него; свинец | qurğuşun və ondan məmulatlar; qurğuşun
hs79 | 79 | metal | - | zinc and articles thereof; zinc | цинк и изделия из него; цинк | sink və ondan məmulatlar; sink
hs80 | 80 | metal | - | tin and articles thereof; refined tin; tin ingots | олово и изделия из него; олово | qalay və ondan məmulatlar; qalay
hs81 | 81 | metal | - | other base metals, cermets, articles thereof; other base metals | прочие недрагоценные металлы, металлокерамика, изделия из них; прочие недрагоценные металлы | digər adi metallar, metallokeramika, onlardan məmulatlar; digər adi metallar
hs82 | 82 | metal | - | tools, implements, cutlery, spoons and forks, of base metal; hand tools; cutlery | инструменты, приспособления, ножевые изделия, ложки и вилки из недрагоценных металлов; ручной инструмент; столовые приборы | adi metallardan alətlər, cihazlar, bıçaq məmulatı, qaşıq və çəngəllər; əl alətləri; bıçaq məmulatı
hs83 | 83 | metal | - | miscellaneous articles of base metal; metal hardware | прочие изделия из недрагоценных металлов; металлическая фурнитура | adi metallardan müxtəlif məmulatlar; metal furnitur
hs84 | 84 | machinery | - | nuclear reactors, boilers, machinery and mechanical appliances, parts thereof; machinery; equipment; industrial equipment | реакторы ядерные, котлы, оборудование и механические устройства, их части; оборудование; промышленное оборудование; машины и оборудование | nüvə reaktorları, qazanlar, maşınlar və mexaniki qurğular, onların hissələri; avadanlıq; sənaye avadanlığı; maşın və avadanlıqlar
hs85 | 85 | machinery | - | electrical machinery and equipment and parts thereof, sound and television recorders and reproducers; electrical equipment; electrical goods; electronics | электрические машины и оборудование, их части, звукозаписывающая и телевизионная аппаратура; электрооборудование; электротехника; электроника | elektrik maşınları və avadanlığı, onların hissələri, səs və televiziya aparaturası; elektrik avadanlığı; elektrotexnika; elektronika
hs86 | 86 | vehicle | - | railway or tramway locomotives, rolling stock, track fixtures and fittings, traffic signalling equipment; railway equipment; rolling stock | железнодорожные локомотивы, подвижной состав, путевое оборудование, сигнальное оборудование; железнодорожная техника; подвижной состав | dəmir yolu lokomotivləri, hərəkət tərkibi, yol avadanlığı, siqnal avadanlığı; dəmir yolu texnikası; hərəkət tərkibi
hs87 | 87 | vehicle | - | vehicles other than railway or tramway rolling stock, and parts and accessories thereof; vehicles; motor vehicles | средства наземного транспорта, кроме железнодорожного, их части и принадлежности; транспортные средства; автотранспортные средства | dəmir yolu hərəkət tərkibindən başqa yerüstü nəqliyyat vasitələri, onların hissələri və ləvazimatı; nəqliyyat vasitələri; avtonəqliyyat vasitələri
hs88 | 88 | vehicle | - | aircraft, spacecraft, and parts thereof; aircraft; aviation equipment | летательные аппараты, космические аппараты и их части; самолёт; авиационная техника | uçan aparatlar, kosmik aparatlar və onların hissələri; təyyarə; aviasiya texnikası
hs89 | 89 | vehicle | - | ships, boats and floating structures; floating structures | суда, лодки и плавучие конструкции; плавучие конструкции | gəmilər, qayıqlar və üzən konstruksiyalar; üzən konstruksiyalar
hs90 | 90 | machinery | - | optical, photographic, measuring, checking, precision, medical or surgical instruments and apparatus; measuring instruments; precision instruments | инструменты и аппараты оптические, фотографические, измерительные, контрольные, прецизионные, медицинские или хирургические; измерительные приборы; контрольно-измерительные приборы | optik, foto, ölçü, nəzarət, dəqiq, tibbi və ya cərrahi alət və aparatlar; ölçü cihazları; nəzarət-ölçü cihazları
hs91 | 91 | consumer | - | clocks and watches and parts thereof; watches; clocks | часы и их части; наручные часы | saatlar və onların hissələri; saat
hs92 | 92 | consumer | - | musical instruments, parts and accessories; musical instruments | музыкальные инструменты, их части и принадлежности; музыкальные инструменты | musiqi alətləri, onların hissələri və ləvazimatı; musiqi alətləri
hs93 | 93 | consumer | - | arms and ammunition, parts and accessories thereof; arms and ammunition | оружие и боеприпасы, их части и принадлежности; оружие и боеприпасы | silah və döyüş sursatı, onların hissələri və ləvazimatı; silah və sursat
hs94 | 94 | furniture | - | furniture, bedding, mattresses, cushions, luminaires and lighting fittings n.e.s., illuminated signs, prefabricated buildings; furniture and lighting | мебель, постельные принадлежности, матрацы, светильники и осветительное оборудование, световые вывески, сборные строительные конструкции; мебель и светильники | mebel, yataq ləvazimatı, döşəklər, işıqlandırma cihazları, işıqlı lövhələr, yığma tikinti konstruksiyaları; mebel və işıqlandırma
hs95 | 95 | consumer | - | toys, games and sports requisites, parts and accessories thereof; toys; sporting goods | игрушки, игры и спортивный инвентарь, их части и принадлежности; игрушки; спортивные товары | oyuncaqlar, oyunlar və idman ləvazimatı, onların hissələri və ləvazimatı; oyuncaq; idman malları
hs96 | 96 | consumer | - | miscellaneous manufactured articles; pens, brushes, buttons, lighters | разные готовые изделия; ручки, щётки, пуговицы, зажигалки | müxtəlif hazır məmulatlar; qələmlər, fırçalar, düymələr, alışqanlar
hs97 | 97 | consumer | - | works of art, collectors' pieces and antiques; works of art; antiques | произведения искусства, предметы коллекционирования и антиквариат; произведения искусства; антиквариат | incəsənət əsərləri, kolleksiya əşyaları və antikvar əşyalar; incəsənət əsərləri; antikvar
"""

# --- Fruit, vegetables, nuts, tea, spices, drinks, processed food: the AZ->RU corridor ---------
FOOD = """
fresh_produce | 08 | fruit | - | fresh produce; fruit and vegetables; fresh fruit and vegetables | плодоовощная продукция; фрукты и овощи; овощи и фрукты | meyvə-tərəvəz; meyvə və tərəvəz; təzə meyvə-tərəvəz
apple | 0808.10 | fruit | - | apple; fresh apple | яблоко; свежее яблоко | alma
pear | 0808.30 | fruit | - | pear; fresh pear | груша; свежая груша | armud
quince | 0808.40 | fruit | - | quince; fresh quince | айва; свежая айва | heyva
apricot | 0809.10 | fruit | - | apricot; fresh apricot | абрикос; свежий абрикос | ərik
sour_cherry | 0809.21 | fruit | - | sour cherry; morello cherry; cherry | вишня; свежая вишня | albalı
sweet_cherry | 0809.29 | fruit | - | sweet cherry; cherry | черешня; свежая черешня | gilas
peach | 0809.30 | fruit | - | peach; fresh peach | персик; свежий персик | şaftalı
nectarine | 0809.30 | fruit | peach | nectarine; fresh nectarine | нектарин; свежий нектарин | nektarin
plum | 0809.40 | fruit | - | plum; fresh plum | слива; свежая слива | gavalı
cherry_plum | 0809.40 | fruit | plum | cherry plum; alycha | алыча; ткемали | alça
grape | 0806.10 | fruit | - | grape; table grape; fresh grape | виноград; столовый виноград | üzüm; süfrə üzümü
persimmon | 0810.70 | fruit | - | persimmon; kaki; sharon fruit | хурма; хурма королёк | xurma
pomegranate | 0810.90 | fruit | - | pomegranate; fresh pomegranate | гранат; свежий гранат | nar
fig | 0804.20 | fruit | - | fig; fresh fig | инжир; смоква | əncir
feijoa | 0810.90 | fruit | - | feijoa; pineapple guava | фейхоа; свежая фейхоа | feyxoa
kiwi | 0810.50 | fruit | - | kiwi; kiwifruit | киви; свежий киви | kivi
strawberry | 0810.10 | fruit | berries | strawberry; fresh strawberry | клубника; земляника | çiyələk
raspberry | 0810.20 | fruit | berries | raspberry; fresh raspberry | малина; свежая малина | moruq
blackberry | 0810.20 | fruit | berries | blackberry; fresh blackberry | ежевика; свежая ежевика | böyürtkən
mulberry | 0810.20 | fruit | berries | mulberry | шелковица; тутовник; тута | tut
blueberry | 0810.40 | fruit | berries | blueberry; bilberry | голубика; черника | qaragilə
currant | 0810.30 | fruit | berries | currant; blackcurrant; redcurrant | смородина; чёрная смородина | qarağat
cornel | 0810.90 | fruit | - | cornelian cherry; cornel; dogwood berry | кизил; ягоды кизила | zoğal
medlar | 0810.90 | fruit | - | medlar; common medlar | мушмула; мушмула германская | əzgil
banana | 0803.90 | fruit | - | banana; fresh banana | банан; свежий банан | banan
date | 0804.10 | fruit | - | date fruit; date palm fruit; medjool date | финик; сушёный финик | palma xurması; finik
citrus | 0805 | citrus | - | citrus; citrus fruit | цитрусовые; цитрусы | sitrus; sitrus meyvələri
lemon | 0805.50 | citrus | citrus | lemon; fresh lemon | лимон; свежий лимон | limon
lime | 0805.50 | citrus | citrus | lime; fresh lime | лайм; свежий лайм | laym
mandarin | 0805.21 | citrus | citrus | mandarin; tangerine; satsuma | мандарин; свежий мандарин | naringi; mandarin
orange | 0805.10 | citrus | citrus | orange; fresh orange | апельсин; свежий апельсин | portağal
grapefruit | 0805.40 | citrus | citrus | grapefruit; fresh grapefruit | грейпфрут; свежий грейпфрут | qreypfrut
melons | 0807 | melon | - | melons and watermelons; cucurbits | бахчевые; бахчевые культуры | bostan məhsulları; bostan bitkiləri
watermelon | 0807.11 | melon | melons | watermelon; fresh watermelon | арбуз; свежий арбуз | qarpız
melon | 0807.19 | melon | melons | melon; muskmelon; cantaloupe | дыня; свежая дыня | yemiş; qovun
tomato | 0702 | veg | - | tomato; fresh tomato | томат; помидор | pomidor
cherry_tomato | 0702 | veg | tomato | cherry tomato; cocktail tomato | томат черри; помидор черри | çeri pomidor
cucumber | 0707 | veg | - | cucumber; gherkin | огурец; корнишон | xiyar
potato | 0701 | veg | - | potato; ware potato | картофель; картошка | kartof
seed_potato | 0701.10 | veg | potato | seed potato; certified seed potato | семенной картофель; картофель семенной | toxumluq kartof
onion | 0703.10 | veg | - | onion; bulb onion | лук; лук репчатый; репчатый лук | soğan
green_onion | 0703.10 | veg | onion | green onion; spring onion | зелёный лук; лук-перо | yaşıl soğan; göy soğan
garlic | 0703.20 | veg | - | garlic; fresh garlic | чеснок; свежий чеснок | sarımsaq
cabbage | 0704.90 | veg | - | cabbage; white cabbage | капуста; белокочанная капуста | kələm; ağbaş kələm
cauliflower | 0704.10 | veg | - | cauliflower; fresh cauliflower | цветная капуста; капуста цветная | gül kələm
broccoli | 0704.10 | veg | - | broccoli; fresh broccoli | брокколи; капуста брокколи | brokkoli
carrot | 0706.10 | veg | - | carrot; fresh carrot | морковь; свежая морковь | yerkökü
beetroot | 0706.90 | veg | - | beetroot; red beet | свёкла; столовая свёкла | çuğundur
radish | 0706.90 | veg | - | radish; daikon | редис; редька | turp
sweet_pepper | 0709.60 | veg | - | sweet pepper; bell pepper; pepper | сладкий перец; болгарский перец; перец | bolqar bibəri; şirin bibər; bibər
hot_pepper | 0709.60 | veg | - | hot pepper; chili pepper; chilli | острый перец; перец чили | acı bibər
eggplant | 0709.30 | veg | - | eggplant; aubergine | баклажан; свежий баклажан | badımcan
zucchini | 0709.93 | veg | - | zucchini; courgette; marrow | кабачок; цукини | kabaçok
pumpkin | 0709.93 | veg | - | pumpkin; squash | тыква; свежая тыква | balqabaq
greens | 0709.99 | veg | - | fresh herbs; greens; leafy greens | зелень; свежая зелень | göyərti; göy-göyərti
dill | 0709.99 | veg | greens | dill; fresh dill | укроп; свежий укроп | şüyüd
parsley | 0709.99 | veg | greens | parsley; fresh parsley | петрушка; свежая петрушка | cəfəri
cilantro | 0709.99 | veg | greens | cilantro; fresh coriander | кинза; свежая кинза | kişniş
basil | 0709.99 | veg | greens | basil; fresh basil | базилик; райхан | reyhan
lettuce | 0705.11 | veg | greens | lettuce; salad leaves | салат латук; листовой салат | kahı
spinach | 0709.70 | veg | greens | spinach; fresh spinach | шпинат; свежий шпинат | ispanaq
mushroom | 0709.51 | veg | - | mushroom; champignon | гриб; шампиньон | göbələk
green_bean | 0708.20 | veg | - | green bean; string bean | стручковая фасоль; фасоль стручковая | yaşıl lobya; paxla lobya
bean | 0713.33 | veg | - | bean; dry bean; kidney bean | фасоль; сухая фасоль | lobya
chickpea | 0713.20 | veg | - | chickpea; garbanzo | нут; бараний горох | noxud
lentil | 0713.40 | veg | - | lentil; red lentil | чечевица; красная чечевица | mərci
pea | 0713.10 | veg | - | pea; dry pea; green pea | горох; горошек; зелёный горошек | göy noxud; yaşıl noxud
nuts | 0802 | nuts | - | nuts; tree nuts | орехи; ядра орехов | qoz-fındıq
hazelnut | 0802 | nuts | nuts | hazelnut; filbert; hazelnut kernel | фундук; лесной орех; ядро фундука | fındıq; fındıq ləpəsi
walnut | 0802 | nuts | nuts | walnut; walnut kernel | грецкий орех; ядро грецкого ореха | qoz; qoz ləpəsi
almond | 0802 | nuts | nuts | almond; almond kernel | миндаль; ядро миндаля | badam
chestnut | 0802 | nuts | nuts | chestnut; sweet chestnut | каштан; съедобный каштан | şabalıd
pistachio | 0802 | nuts | nuts | pistachio; pistachio kernel | фисташка; ядро фисташки | püstə
peanut | 1202 | nuts | - | peanut; groundnut | арахис; земляной орех | araxis; yer fındığı
cashew | 0801 | nuts | nuts | cashew; cashew nut | кешью; орех кешью | keşyu
dried_fruit | 0813 | dried_fruit | - | dried fruit; dehydrated fruit | сухофрукты; сушёные фрукты | quru meyvə; qurudulmuş meyvə
raisins | 0806.20 | dried_fruit | dried_fruit | raisins; sultanas | изюм; кишмиш | kişmiş; mövüc
dried_apricot | 0813.10 | dried_fruit | dried_fruit | dried apricot; sun-dried apricot | курага; урюк | ərik qurusu; qaysı
prunes | 0813.20 | dried_fruit | dried_fruit | prunes; dried plum | чернослив; сушёная слива | gavalı qurusu; qara gavalı qurusu
tea | 0902 | tea | - | tea; tea leaves | чай; чайный лист | çay
black_tea | 0902 | tea | tea | black tea; black leaf tea | чёрный чай; чёрный байховый чай | qara çay
green_tea | 0902 | tea | tea | green tea; green leaf tea | зелёный чай; зелёный байховый чай | yaşıl çay
herbal_tea | 1211.90 | tea | - | herbal tea; herbal infusion | травяной чай; фиточай | bitki çayı
coffee | 0901 | tea | - | coffee; coffee beans | кофе; кофе в зёрнах | qəhvə
spices | 0910 | spice | - | spices; seasonings | специи; пряности; приправы | ədviyyat; ədviyyə
saffron | 0910.20 | spice | spices | saffron; saffron threads | шафран; нити шафрана | zəfəran
sumac | 0910.99 | spice | spices | sumac; sumach | сумах; молотый сумах | sumax
black_pepper | 0904.11 | spice | spices | black pepper; peppercorn; pepper | чёрный перец; перец горошком; перец | qara istiot; istiot; bibər
paprika | 0904.22 | spice | spices | paprika; ground red pepper | паприка; красный молотый перец | paprika; qırmızı istiot
wine | 2204 | drink | - | wine; grape wine; red wine; white wine; dry wine | вино; виноградное вино; красное вино; белое вино; сухое вино | şərab; üzüm şərabı; qırmızı şərab; ağ şərab; kəmşirin şərab
sparkling_wine | 2204.10 | drink | wine | sparkling wine; champagne | игристое вино; шампанское | köpüklü şərab; şampan
bulk_wine | 2204.29 | drink | wine | bulk wine; wine material | виноматериал; наливное вино | şərab materialı
brandy | 2208.20 | drink | spirits | brandy; cognac | коньяк; бренди | konyak; brendi
vodka | 2208.60 | drink | spirits | vodka | водка | araq
beer | 2203 | drink | - | beer; lager | пиво; светлое пиво | pivə
mineral_water | 2201.10 | drink | - | mineral water; sparkling water | минеральная вода; минералка | mineral su
drinking_water | 2201.90 | drink | - | drinking water; bottled water | питьевая вода; бутилированная вода | içməli su; qablaşdırılmış su
juice | 2009 | drink | - | fruit juice; juice | сок; фруктовый сок | meyvə şirəsi; şirə
pomegranate_juice | 2009.89 | drink | juice | pomegranate juice | гранатовый сок; сок граната | nar şirəsi
apple_juice | 2009.79 | drink | juice | apple juice | яблочный сок; сок яблочный | alma şirəsi
juice_concentrate | 2009 | drink | juice | juice concentrate; fruit concentrate | концентрированный сок; сок концентрат | şirə konsentratı; konsentratlaşdırılmış şirə
soft_drinks | 2202.10 | drink | - | soft drink; lemonade; carbonated drink | безалкогольный напиток; газированный напиток; лимонад | sərinləşdirici içki; qazlı içki; limonad
canned_vegetables | 2005 | canned | - | canned vegetables; preserved vegetables; vegetable caviar | овощные консервы; консервированные овощи; кабачковая икра; баклажанная икра | tərəvəz konservləri; konservləşdirilmiş tərəvəz
pickles | 2001 | canned | canned_vegetables | pickles; pickled vegetables; marinated vegetables | соленья; маринованные овощи; маринады | turşu; duza qoyulmuş tərəvəz
canned_fruit | 2008 | canned | - | canned fruit; fruit preserves | фруктовые консервы; консервированные фрукты | meyvə konservləri; konservləşdirilmiş meyvə
jam | 2007 | canned | - | jam; marmalade; confiture | варенье; джем; повидло; конфитюр | mürəbbə; cem
tomato_paste | 2002.90 | canned | - | tomato paste; tomato puree | томатная паста; томат-паста | tomat pastası
sugar | 1701 | sugar | - | sugar; white sugar | сахар; сахар-песок | şəkər; şəkər tozu
honey | 0409 | sugar | - | honey; natural honey | мёд; натуральный мёд | bal; təbii bal
confectionery | 1704 | sugar | - | confectionery; sweets; candy | кондитерские изделия; конфеты; сладости | qənnadı məmulatı; şirniyyat; konfet
"""

# --- More food: fruit, fish, meat, dairy, grain, oils, processed food ----------------------------
FOOD2 = """
berries | 08 | fruit | - | berries; fresh berries | ягоды; свежие ягоды | giləmeyvə; təzə giləmeyvə
gooseberry | 0810.30 | fruit | berries | gooseberry | крыжовник; свежий крыжовник | motmotu
sea_buckthorn | 0810.90 | fruit | berries | sea buckthorn; sea buckthorn berry | облепиха; ягоды облепихи | çaytikanı
rosehip | 0810.90 | fruit | berries | rosehip; rose hip | шиповник; плоды шиповника | itburnu
jujube | 0810.90 | fruit | - | jujube; chinese date | унаби; зизифус | innab
pineapple | 0804.30 | fruit | - | pineapple; fresh pineapple | ананас; свежий ананас | ananas
avocado | 0804.40 | fruit | - | avocado; fresh avocado | авокадо; свежий авокадо | avokado
mango | 0804.50 | fruit | - | mango; fresh mango | манго; свежий манго | manqo
frozen_fruit | 0811 | fruit | - | frozen fruit; frozen berries | замороженные фрукты; замороженные ягоды; свежемороженые ягоды | dondurulmuş meyvə; dondurulmuş giləmeyvə
frozen_vegetables | 0710 | veg | - | frozen vegetables; quick-frozen vegetables | замороженные овощи; овощи быстрой заморозки | dondurulmuş tərəvəz
dried_vegetables | 0712 | veg | - | dried vegetables; dehydrated vegetables | сушёные овощи; сухие овощи | qurudulmuş tərəvəz
cinnamon | 0906 | spice | spices | cinnamon; cinnamon stick | корица; молотая корица | darçın
cumin | 0909.31 | spice | spices | cumin; cumin seed | зира; кумин | zirə
turmeric | 0910.30 | spice | spices | turmeric; turmeric powder | куркума; молотая куркума | zerdəçal
ginger | 0910.11 | spice | spices | ginger; ginger root | имбирь; корень имбиря | zəncəfil
bay_leaf | 0910.99 | spice | spices | bay leaf; laurel leaf | лавровый лист; лавр благородный | dəfnə yarpağı
dried_herbs | 0910.99 | spice | spices | dried herbs; thyme | сушёная зелень; чабрец; тимьян | qurudulmuş göyərti; kəklikotu
salt | 2501 | spice | - | salt; table salt; rock salt | соль; поваренная соль; пищевая соль | duz; xörək duzu
instant_coffee | 2101.11 | tea | coffee | instant coffee; soluble coffee | растворимый кофе; кофе растворимый | həll olunan qəhvə
spirits | 2208 | drink | - | spirits; alcoholic beverage; liquor | спиртные напитки; алкогольная продукция; алкоголь | spirtli içki; alkoqollu içki; alkoqol
whisky | 2208.30 | drink | spirits | whisky; whiskey | виски | viski
liqueur | 2208.70 | drink | spirits | liqueur; cordial | ликёр | likör
ethanol | 2207 | drink | - | ethyl alcohol; ethanol; rectified spirit | этиловый спирт; спирт-ректификат | etil spirti; rektifikat spirt
energy_drink | 2202.99 | drink | soft_drinks | energy drink | энергетический напиток; энергетик | enerji içkisi
vinegar | 2209 | drink | - | vinegar; wine vinegar | уксус; винный уксус | sirkə
sauces | 2103 | canned | - | sauce; ketchup; mayonnaise | соус; кетчуп; майонез | sous; ketçup; mayonez
olives | 2005.70 | canned | - | olive; table olive | оливки; маслины | zeytun
food_products | 21 | food | - | food products; foodstuffs; groceries | продукты питания; продовольствие; пищевая продукция | ərzaq məhsulları; qida məhsulları; ərzaq
baby_food | 1901.10 | food | - | baby food; infant formula | детское питание; продукты детского питания | uşaq qidası
pasta | 1902 | food | - | pasta; macaroni; noodles | макаронные изделия; макароны; лапша | makaron; əriştə
bread | 1905.90 | food | - | bread; flatbread; lavash | хлеб; лаваш | çörək; lavaş
yeast | 2102 | food | - | yeast; baker's yeast | дрожжи; пекарские дрожжи | maya; xəmir mayası
tobacco_leaf | 2401 | food | - | tobacco leaf; raw tobacco | табак-сырец; табачный лист | xam tütün; tütün yarpağı
cigarettes | 2402.20 | food | - | cigarette | сигарета | siqaret
chocolate | 1806 | sugar | confectionery | chocolate; chocolate candy | шоколад; шоколадные конфеты | şokolad
biscuits | 1905.31 | sugar | confectionery | biscuit; cookie | печенье; крекер | peçenye
oriental_sweets | 1704.90 | sugar | confectionery | oriental sweets; halva; baklava; turkish delight | восточные сладости; халва; пахлава; рахат-лукум | şərq şirniyyatı; halva; paxlava; şəkərbura
fish | 03 | fish | - | fish; fresh fish; chilled fish | рыба; свежая рыба; охлаждённая рыба | balıq; təzə balıq
frozen_fish | 0303 | fish | fish | frozen fish; frozen whole fish | мороженая рыба; замороженная рыба | dondurulmuş balıq
fish_fillet | 0304 | fish | fish | fish fillet; frozen fish fillet | рыбное филе; филе рыбы | balıq filesi
sturgeon | 0302.89 | fish | fish | sturgeon; beluga; stellate sturgeon | осётр; осетрина; белуга; севрюга | nərə balığı; nərə; bölgə; uzunburun
salmon | 0303 | fish | fish | salmon; pink salmon; chum salmon | лосось; сёмга; горбуша; кета | qızılbalıq; losos
trout | 0302.11 | fish | fish | trout; rainbow trout | форель; радужная форель | alabalıq
sprat | 0303 | fish | fish | sprat; kilka; caspian sprat | килька; каспийская килька | kilkə
herring | 0303.51 | fish | fish | herring; atlantic herring | сельдь; селёдка | siyənək
mackerel | 0303.54 | fish | fish | mackerel; atlantic mackerel | скумбрия | skumbriya
pollock | 0303.67 | fish | fish | alaska pollock; pollock | минтай | mintay
carp | 0302.73 | fish | fish | carp; common carp | карп; сазан | çəki; karp
pike_perch | 0302.89 | fish | fish | pike-perch; zander | судак | sıf; sıf balığı
kutum | 0302.89 | fish | fish | kutum; caspian kutum | кутум; каспийский кутум | kütüm
shrimp | 0306 | fish | - | shrimp; prawn | креветка; королевская креветка | krevet
smoked_fish | 0305 | fish | fish | smoked fish; dried fish; salted fish | копчёная рыба; вяленая рыба; солёная рыба | hisə verilmiş balıq; qurudulmuş balıq; duzlu balıq
caviar | 1604 | fish | - | caviar; fish roe | икра; рыбная икра | kürü; balıq kürüsü
black_caviar | 1604.31 | fish | caviar | black caviar; sturgeon caviar | чёрная икра; осетровая икра | qara kürü; nərə kürüsü
red_caviar | 1604.32 | fish | caviar | red caviar; salmon roe | красная икра; икра лососёвых | qırmızı kürü
canned_fish | 1604 | fish | - | canned fish; fish preserves | рыбные консервы; консервы рыбные | balıq konservləri
beef | 0201 | meat | hs02 | beef; chilled beef | говядина; мясо крс | mal əti
frozen_beef | 0202 | meat | beef | frozen beef; frozen boneless beef | замороженная говядина; говядина замороженная | dondurulmuş mal əti
veal | 0201 | meat | beef | veal; calf meat | телятина; мясо телят | dana əti
lamb | 0204 | meat | hs02 | lamb; mutton; sheep meat | баранина; ягнятина | qoyun əti; quzu əti
goat_meat | 0204.50 | meat | hs02 | goat meat; chevon | козлятина; мясо козы | keçi əti
poultry | 0207 | meat | hs02 | poultry; poultry meat | мясо птицы; птицепродукция | quş əti
chicken | 0207 | meat | poultry | chicken; chicken meat; broiler | курица; мясо кур; курятина; бройлер | toyuq əti; toyuq; broyler
turkey_meat | 0207 | meat | poultry | turkey meat; turkey fillet | индейка; мясо индейки | hinduşka əti; hinduşka
pork | 0203 | meat | hs02 | pork; pig meat | свинина; свиное мясо | donuz əti
offal | 0206 | meat | hs02 | offal; edible offal | субпродукты; мясные субпродукты | ət subməhsulları
sausage | 1601 | meat | - | sausage; salami | колбаса; колбасные изделия; сосиска | kolbasa; sosiska
canned_meat | 1602 | meat | - | canned meat; stewed meat | мясные консервы; тушёнка | ət konservləri
milk | 0401 | dairy | - | milk; raw milk; drinking milk | молоко; сырое молоко; питьевое молоко | süd; çiy süd
milk_powder | 0402 | dairy | milk | milk powder; powdered milk; dry milk | сухое молоко; молоко сухое | süd tozu; quru süd
cream | 0401 | dairy | milk | cream; dairy cream | сливки; молочные сливки | qaymaq
cheese | 0406 | dairy | - | cheese; hard cheese | сыр; твёрдый сыр | pendir
brined_cheese | 0406.90 | dairy | cheese | white cheese; brined cheese; feta | брынза; рассольный сыр | ağ pendir; duzlu pendir; motal pendiri
cottage_cheese | 0406.10 | dairy | cheese | cottage cheese; curd cheese | творог; зернёный творог | kəsmik
butter | 0405.10 | dairy | - | butter; dairy butter | сливочное масло; масло сливочное | kərə yağı; sarı yağ
yogurt | 0403.20 | dairy | - | yogurt; yoghurt | йогурт; питьевой йогурт | yoqurt; qatıq
fermented_milk | 0403.90 | dairy | - | fermented milk products; ayran; kefir | кисломолочные продукты; айран; кефир | turşudulmuş süd məhsulları; ayran; kefir
sour_cream | 0403.90 | dairy | fermented_milk | sour cream; smetana | сметана | xama
ice_cream | 2105 | dairy | - | ice cream | мороженое; пломбир | dondurma
egg | 0407 | dairy | - | egg; table egg; chicken egg | яйцо; куриное яйцо; столовое яйцо | yumurta; toyuq yumurtası
hatching_egg | 0407.11 | animal | - | hatching egg; fertilised egg | инкубационное яйцо; яйцо для инкубации | inkubasiya yumurtası
cattle | 0102 | animal | hs01 | cattle; live cattle; breeding cattle | крупный рогатый скот; крс; племенной скот | iribuynuzlu mal-qara; cins mal-qara
sheep | 0104.10 | animal | hs01 | sheep; live sheep | овца; живые овцы | qoyun; diri qoyun
live_poultry | 0105 | animal | hs01 | live poultry; day-old chick | живая птица; суточный цыплёнок | diri quş; cücə
horse | 0101 | animal | hs01 | horse; live horse | лошадь; живая лошадь | diri at; cins at
seedlings | 0602 | animal | hs06 | seedlings; saplings; nursery plants | саженец; рассада | ting; şitil
flowers | 0603 | animal | hs06 | cut flowers; flowers; roses | цветы; срезанные цветы; розы | gül; kəsilmiş güllər; gül-çiçək
raw_hides | 4101 | textile | hs41 | raw hides; hides and skins; sheepskin | шкуры; кожевенное сырьё; овчина | xam dəri; dəri xammalı; qoyun dərisi
leather | 4107 | textile | hs41 | leather; finished leather; genuine leather | кожа; выделанная кожа; натуральная кожа | dəri; təbii dəri; aşılanmış dəri
oats | 1004 | grain | hs10 | oats; feed oats | овёс; фуражный овёс | yulaf
rice | 1006 | grain | hs10 | rice; paddy rice | рис; рис-сырец | düyü
buckwheat | 1008.10 | grain | hs10 | buckwheat; buckwheat groats | гречиха; гречка; гречневая крупа | qarabaşaq; qarabaşaq yarması
rye | 1002 | grain | hs10 | rye | рожь; продовольственная рожь | çovdar
millet | 1008.29 | grain | hs10 | millet; proso millet | просо; пшено | darı
durum_wheat | 1001.19 | grain | wheat | durum wheat; hard wheat | твёрдая пшеница; пшеница твёрдых сортов | bərk buğda
corn_flour | 1102 | grain | - | corn flour; maize flour | кукурузная мука; мука кукурузная | qarğıdalı unu
groats | 1103 | grain | - | groats; cereal groats; grits; semolina | крупа; манная крупа | yarma; manna yarması
bran | 2302 | grain | - | bran; wheat bran | отруби; пшеничные отруби | kəpək; buğda kəpəyi
compound_feed | 2309.90 | grain | - | compound feed; animal feed; livestock feed; poultry feed | комбикорм; корм для животных; корм для скота; корм для птицы | qarışıq yem; heyvan yemi; mal-qara yemi; quş yemi
pet_food | 2309.10 | grain | - | pet food; dog food; cat food | корм для домашних животных; корм для собак; корм для кошек | ev heyvanları üçün yem
oilcake | 2306 | grain | - | oilcake; oil meal; sunflower meal | жмых; шрот; подсолнечный шрот | jmıx; şrot; küncara
hay | 1214 | grain | - | hay; fodder; alfalfa; forage | сено; фураж; люцерна | quru ot; yonca; ot-yem
malt | 1107 | grain | - | malt; brewing malt | солод; пивоваренный солод | səməni
starch | 1108 | grain | - | starch; corn starch | крахмал; кукурузный крахмал | nişasta
seeds | 1209 | grain | - | seeds for sowing; vegetable seeds; planting seeds | семена; семена овощей; посевной материал | toxum; tərəvəz toxumu; əkin materialı
sunflower_seeds | 1206 | oil | - | sunflower seed; sunflower kernel | семечки подсолнечника; подсолнечник; семена подсолнечника | günəbaxan toxumu; günəbaxan; tum
rapeseed | 1205 | oil | - | rapeseed; canola | рапс; семена рапса | raps
soybean | 1201 | oil | - | soybean; soya bean | соя; соевые бобы | soya
sesame | 1207.40 | oil | - | sesame; sesame seed | кунжут; семена кунжута | küncüt
flaxseed | 1204 | oil | - | flaxseed; linseed | семена льна; льняное семя | kətan toxumu
olive_oil | 1509 | oil | hs15 | olive oil; extra virgin olive oil | оливковое масло; масло оливковое | zeytun yağı
rapeseed_oil | 1514 | oil | hs15 | rapeseed oil; canola oil | рапсовое масло; масло рапсовое | raps yağı
soybean_oil | 1507 | oil | hs15 | soybean oil; soya oil | соевое масло; масло соевое | soya yağı
corn_oil | 1515.29 | oil | hs15 | corn oil; maize oil | кукурузное масло; масло кукурузное | qarğıdalı yağı
cottonseed_oil | 1512.29 | oil | hs15 | cottonseed oil; cotton oil | хлопковое масло; масло хлопковое | pambıq yağı
palm_oil | 1511 | oil | hs15 | palm oil; palm olein | пальмовое масло; пальмовый олеин | palma yağı
margarine | 1517.10 | oil | - | margarine; vegetable fat spread | маргарин; спред | marqarin
dietary_supplement | 2106.90 | pharma | - | dietary supplement; food supplement | бад; биологически активная добавка | qida əlavəsi; bioloji aktiv əlavə
"""

# --- Agricultural and industrial goods: the RU->AZ corridor (first part) ------------------------
GOODS = """
wheat | 1001 | grain | - | wheat; milling wheat; feed wheat | пшеница; продовольственная пшеница; фуражная пшеница | buğda
barley | 1003 | grain | - | barley; feed barley | ячмень; фуражный ячмень | arpa
maize | 1005 | grain | - | maize; corn; grain corn | кукуруза; зерно кукурузы | qarğıdalı
flour | 1101 | grain | - | flour; wheat flour | мука; пшеничная мука; мука пшеничная | un; buğda unu
sunflower_oil | 1512.19 | oil | hs15 | sunflower oil; sunflower seed oil | подсолнечное масло; масло подсолнечное | günəbaxan yağı
timber | 4407 | wood | - | timber; lumber; sawn timber; sawn wood | пиломатериалы; лесоматериалы; доска обрезная | taxta-şalban; mişar materialları; taxta
rebar | 7214.20 | metal | - | rebar; reinforcing bar; reinforcing steel | арматура; арматурная сталь | armatur
steel_pipe | 7306 | metal | - | steel pipe; steel tube | стальная труба; труба стальная | polad boru
roundwood | 4403 | wood | timber | roundwood; logs; round timber | кругляк; лес-кругляк; круглый лес; бревно | kündə; dəyirmi oduncaq
plywood | 4412 | wood | - | plywood; birch plywood | фанера; берёзовая фанера | fanera
wood_pellets | 4401.31 | wood | - | wood pellets; fuel pellets | древесные пеллеты; топливные гранулы; пеллеты | ağac pelleti; pellet
firewood | 4401.12 | wood | - | firewood; fuel wood | дрова; колотые дрова | odun
charcoal | 4402 | wood | - | charcoal; wood charcoal | древесный уголь; уголь для мангала | ağac kömürü
mdf | 4411 | wood | - | mdf; fibreboard; hdf | мдф; двп; древесноволокнистая плита | mdf; lif lövhə
chipboard | 4410 | wood | - | chipboard; particleboard; osb | дсп; лдсп; осп; древесностружечная плита | yonqar lövhə; dsp; osb
pallets | 4415 | wood | - | pallet; wooden pallet; euro pallet | поддон; паллета; европоддон | palet; taxta altlıq
joinery | 4418 | wood | - | wooden door; builders' joinery; wooden window | деревянная дверь; столярные изделия; деревянное окно | taxta qapı; dülgərlik məmulatları; taxta pəncərə
parquet | 4418 | wood | - | parquet; wood flooring | паркет; паркетная доска | parket
laminate | 4411 | building | - | laminate; laminate flooring | ламинат; напольный ламинат | laminat
paper | 4802 | paper | hs48 | paper; office paper; printing paper; writing paper | бумага; офисная бумага; писчая бумага | kağız; ofis kağızı; yazı kağızı
cardboard | 4804 | paper | hs48 | cardboard; paperboard; containerboard; kraftliner | картон; тарный картон; крафт-лайнер | karton
kraft_paper | 4804 | paper | hs48 | kraft paper; sack paper | крафт-бумага; мешочная бумага | kraft kağızı
packaging | 4819 | paper | - | packaging; packaging materials; packing materials | упаковка; упаковочные материалы; тара | qablaşdırma; qablaşdırma materialları; tara
corrugated_box | 4819.10 | paper | packaging | corrugated box; cardboard box; carton box | гофрокороб; картонная коробка; гофрокартон | karton qutu; qofrokarton qutu
paper_bag | 4819.40 | paper | packaging | paper bag; kraft bag | бумажный пакет; крафт-пакет | kağız torba
sacks | 6305 | paper | packaging | big bag; polypropylene bag; sack; woven bag | мешок; биг-бэг; полипропиленовый мешок | kisə; big-beg; polipropilen kisə
tissue | 4818 | paper | - | toilet paper; tissue paper; paper towel; paper napkin | туалетная бумага; бумажные салфетки; бумажные полотенца | tualet kağızı; kağız salfet; kağız dəsmal
labels | 4821 | paper | - | label; self-adhesive label; sticker | этикетка; самоклеящаяся этикетка | etiket; yapışqanlı etiket
stationery | 4820 | paper | - | stationery; office supplies; notebook | канцтовары; канцелярские товары; тетрадь | dəftərxana ləvazimatı; dəftər
books | 4901 | paper | hs49 | book; printed book | книга; печатная книга | kitab
wallpaper | 4814 | building | - | wallpaper; wall covering | обои; виниловые обои | divar kağızı
cement | 2523 | building | hs25 | cement; portland cement | цемент; портландцемент | sement
bricks | 6904 | building | - | brick; ceramic brick; red brick | кирпич; керамический кирпич | kərpic
ceramic_tiles | 6907 | building | hs69 | ceramic tile; tile; porcelain tile; porcelain stoneware | керамическая плитка; плитка; кафель; керамогранит | kafel; keramik plitə; metlax; keramoqranit
concrete_products | 6810 | building | - | concrete block; paving slab; precast concrete | бетонный блок; тротуарная плитка; железобетонные изделия; жби | beton blok; səki plitəsi; dəmir-beton məmulatları
plasterboard | 6809 | building | - | plasterboard; drywall; gypsum board | гипсокартон; гкл | gipskarton; alçıpan
gypsum | 2520 | building | hs25 | gypsum; plaster of paris | гипс; алебастр | gips; alçı
quicklime | 2522 | building | hs25 | quicklime; hydrated lime; burnt lime | известь; негашёная известь | əhəng
sand | 2505 | building | hs25 | sand; construction sand; quartz sand | песок; строительный песок; кварцевый песок | qum; tikinti qumu; kvars qumu
crushed_stone | 2517 | building | hs25 | crushed stone; gravel; construction aggregate | щебень; гравий | çınqıl; qırma daş
marble | 2515 | building | hs25 | marble; marble slab | мрамор; мраморная плита | mərmər
granite | 2516 | building | hs25 | granite; granite slab | гранит; гранитная плита | qranit
natural_stone | 6802 | building | hs68 | natural stone; facing stone; travertine; limestone blocks | природный камень; облицовочный камень; ракушечник | təbii daş; üzlük daşı; mişar daşı
dry_mix | 3824.50 | building | - | dry mix; mortar; tile adhesive; plaster mix | сухие строительные смеси; штукатурка; плиточный клей | quru tikinti qarışıqları; suvaq; kafel yapışqanı
insulation | 6806 | building | - | thermal insulation; mineral wool; rock wool; glass wool | утеплитель; теплоизоляция; минеральная вата | istilik izolyasiyası; izolyasiya materialları; mineral yun
roofing | 6807 | building | - | roofing; roofing felt; bituminous roofing | кровельные материалы; рубероид; мягкая кровля | dam örtüyü materialları; ruberoid
sanitary_ware | 6910 | building | - | sanitary ware; toilet bowl; washbasin | сантехника; унитаз; раковина | santexnika; unitaz
float_glass | 7005 | building | hs70 | float glass; sheet glass; window glass | листовое стекло; флоат-стекло; оконное стекло | list şüşə; pəncərə şüşəsi; float şüşə
glass_containers | 7010 | building | hs70 | glass bottle; glass jar; glass container | стеклотара; стеклянная бутылка; стеклянная банка | şüşə tara; şüşə butulka; şüşə banka
tempered_glass | 7007 | building | hs70 | tempered glass; safety glass; laminated glass | закалённое стекло; триплекс | bərkidilmiş şüşə; temperli şüşə
glassware | 7013 | building | hs70 | glassware; glass tableware | стеклянная посуда; посуда из стекла | şüşə qablar
pvc_windows | 3925.20 | building | - | pvc window; plastic window; pvc door | пластиковое окно; окна пвх; металлопластиковые окна | plastik pəncərə; pvc pəncərə
prefab_buildings | 9406 | building | - | prefabricated building; modular building; container house | быстровозводимое здание; модульное здание; блок-контейнер | modul tipli bina; yığma tikili; konteyner ev
greenhouse | 9406 | building | - | greenhouse; greenhouse structures | теплица; тепличные конструкции | istixana; istixana konstruksiyaları
building_materials | 68 | building | - | building materials; construction materials | строительные материалы; стройматериалы | tikinti materialları
paint | 3209 | chem | - | paint; varnish; coating; enamel paint | краска; лакокрасочные материалы; лак; эмаль | boya; lak; boya-lak məhsulları
metal | 72 | metal | - | metal; metal products; metalware | металл; металлопродукция | metal; metal məmulatları
rolled_steel | 72 | metal | metal | rolled steel; rolled metal; hot-rolled steel | металлопрокат; стальной прокат; горячекатаный прокат | metal prokatı; isti yayılmış polad
steel_sheet | 7209 | metal | rolled_steel | steel sheet; cold-rolled sheet; steel plate | стальной лист; листовой прокат; холоднокатаный лист | polad təbəqə; polad list
galvanized_steel | 7210.49 | metal | rolled_steel | galvanized steel; galvanized sheet; profiled sheet | оцинкованная сталь; оцинкованный лист; профнастил | sinklənmiş polad; sinklənmiş təbəqə; profnastil
wire_rod | 7213 | metal | rolled_steel | wire rod; steel wire rod | катанка; катанка стальная | katanka
steel_wire | 7217 | metal | - | steel wire; wire | стальная проволока; проволока | polad məftil; məftil
steel_sections | 7216 | metal | rolled_steel | steel beam; steel channel; steel angle; i-beam; section steel | балка; швеллер; стальной уголок; двутавр; фасонный прокат | tir; şveller; bucaqlıq; dvutavr
billets | 7207 | metal | - | billet; steel billet; semi-finished steel; slab | стальная заготовка; заготовка стальная; сляб | polad zaqotovka; biyet
pig_iron | 7201 | metal | - | pig iron | чугун; передельный чугун | çuqun
ferroalloys | 7202 | metal | - | ferroalloy; ferrosilicon; ferromanganese | ферросплав; ферросилиций; ферромарганец | ferroərinti; ferrosilisium
stainless_steel | 7219 | metal | - | stainless steel | нержавеющая сталь; нержавейка | paslanmayan polad
seamless_pipe | 7304 | metal | steel_pipe | seamless pipe; casing pipe; tubing; oil country tubular goods | бесшовная труба; обсадная труба; нкт; насосно-компрессорная труба | tikişsiz boru; qoruyucu boru; nasos-kompressor borusu
large_pipe | 7305 | metal | steel_pipe | large diameter pipe; line pipe | труба большого диаметра; тбд | böyük diametrli boru
steel_structures | 7308 | metal | - | steel structure; metal structures; steel frame; sandwich panel | металлоконструкции; стальные конструкции; сэндвич-панель | metal konstruksiyalar; polad konstruksiyalar; sendviç panel
fasteners | 7318 | metal | - | fastener; bolt; screw; hardware fasteners | крепёж; болт; метизы; саморез | bərkidici məmulatlar; bolt; şurup
scrap | 7204 | metal | - | ferrous scrap; steel scrap; scrap metal | металлолом; лом чёрных металлов | metal qırıntısı; metal tullantıları; metallom
iron_ore | 2601 | metal | hs26 | iron ore; iron ore concentrate; iron ore pellets | железная руда; железорудный концентрат; окатыши | dəmir filizi; dəmir filizi konsentratı
aluminium_primary | 7601 | metal | hs76 | primary aluminium; aluminium ingot; aluminum ingot | первичный алюминий; алюминиевая чушка | ilkin alüminium; alüminium külçəsi
aluminium_profile | 7604 | metal | hs76 | aluminium profile; aluminium extrusion; aluminum profile | алюминиевый профиль; профиль алюминиевый | alüminium profil
aluminium_sheet | 7606 | metal | hs76 | aluminium sheet; aluminium coil; aluminium plate | алюминиевый лист; алюминиевый рулон | alüminium təbəqə; alüminium list
aluminium_foil | 7607 | metal | hs76 | aluminium foil; aluminum foil | алюминиевая фольга; фольга | alüminium folqa; folqa
aluminium_scrap | 7602 | metal | hs76 | aluminium scrap; aluminum scrap | лом алюминия; алюминиевый лом | alüminium qırıntısı
copper_cathode | 7403 | metal | hs74 | refined copper; copper cathode | катодная медь; медные катоды; рафинированная медь | katod misi; təmizlənmiş mis
copper_wire | 7408 | metal | hs74 | copper wire; copper rod | медная проволока; медная катанка | mis məftil
copper_scrap | 7404 | metal | hs74 | copper scrap | лом меди; медный лом | mis qırıntısı
gold | 7108 | consumer | hs71 | gold; gold bullion | золото; золото в слитках | qızıl; qızıl külçəsi
mineral_fertilizer | 3105 | chem | hs31 | mineral fertilizer; mineral fertiliser; compound fertilizer; npk fertilizer | минеральные удобрения; комплексные удобрения; азофоска; нитроаммофоска | mineral gübrə; kompleks gübrə
urea | 3102.10 | chem | mineral_fertilizer | urea; carbamide | карбамид; мочевина | karbamid; sidik cövhəri
ammonium_nitrate | 3102.30 | chem | mineral_fertilizer | ammonium nitrate; ammonium nitrate fertilizer | аммиачная селитра; нитрат аммония | ammonium nitrat; ammonium şorası
ammonium_sulphate | 3102.21 | chem | mineral_fertilizer | ammonium sulphate; ammonium sulfate | сульфат аммония; аммоний сернокислый | ammonium sulfat
potash | 3104.20 | chem | mineral_fertilizer | potash; potassium chloride; muriate of potash | хлористый калий; калий хлористый; калийные удобрения | kalium xlorid; kalium gübrəsi
phosphate_fertilizer | 3105.40 | chem | mineral_fertilizer | phosphate fertilizer; ammophos; monoammonium phosphate | аммофос; фосфорные удобрения; моноаммонийфосфат | fosfor gübrəsi; ammofos
organic_fertilizer | 3101 | chem | hs31 | organic fertilizer; manure; biohumus | органические удобрения; навоз; биогумус | üzvi gübrə; peyin; biohumus
pesticides | 3808 | chem | - | pesticide; plant protection products; herbicide; insecticide; fungicide | пестицид; средства защиты растений; сзр; гербицид; ядохимикат | pestisid; bitki mühafizə vasitələri; herbisid; insektisid
polyethylene | 3901 | chem | polymers | polyethylene; ldpe; hdpe; polythene | полиэтилен; пэнд; пвд; полиэтилен высокого давления | polietilen
polypropylene | 3902.10 | chem | polymers | polypropylene; pp granules | полипропилен; гранулы полипропилена | polipropilen
pvc | 3904.10 | chem | polymers | pvc; polyvinyl chloride; pvc resin | пвх; поливинилхлорид | polivinilxlorid
pet_resin | 3907.61 | chem | polymers | pet resin; pet granules; polyethylene terephthalate | пэт-гранулы; полиэтилентерефталат; пэт | pet qranulları; polietilentereftalat
polystyrene | 3903 | chem | polymers | polystyrene; expanded polystyrene; eps | полистирол; пенополистирол; пенопласт | polistirol; penoplast
polymers | 39 | chem | hs39 | polymers; plastic raw materials; plastic granules | полимеры; полимерное сырьё; полимерные гранулы | polimerlər; polimer xammalı; plastik qranullar
plastic_film | 3920 | chem | - | plastic film; stretch film; polyethylene film | плёнка; стрейч-плёнка; полиэтиленовая плёнка | plyonka; polietilen plyonka; streç plyonka
plastic_packaging | 3923 | chem | packaging | plastic packaging; plastic bag; pet preform; plastic container | пластиковая тара; полиэтиленовый пакет; преформа; пластиковая упаковка | plastik tara; polietilen paket; plastik qablaşdırma
plastic_pipes | 3917 | chem | - | plastic pipe; hdpe pipe; pp pipe | пластиковая труба; труба пнд; полипропиленовая труба | plastik boru; polietilen boru
plastic_products | 3926 | chem | hs39 | plastic products; plastic articles; plastic household goods | изделия из пластмасс; пластиковые изделия | plastik məmulatlar
synthetic_rubber | 4002 | chem | hs40 | synthetic rubber | синтетический каучук | sintetik kauçuk
tyres | 4011 | vehicle | - | tyre; tire; car tyre; truck tyre | шина; автошина; автомобильная шина; покрышка | təkər; avtomobil şini; şin
caustic_soda | 2815 | chem | hs28 | caustic soda; sodium hydroxide | каустическая сода; едкий натр | kaustik soda
soda_ash | 2836.20 | chem | hs28 | soda ash; sodium carbonate | кальцинированная сода; сода кальцинированная | kalsinasiya olunmuş soda
sulphuric_acid | 2807 | chem | hs28 | sulphuric acid; sulfuric acid | серная кислота; кислота серная | sulfat turşusu
sulphur | 2503 | chem | - | sulphur; sulfur | сера; гранулированная сера | kükürd
ammonia | 2814 | chem | hs28 | ammonia; anhydrous ammonia | аммиак; жидкий аммиак | ammonyak
methanol | 2905.11 | chem | hs29 | methanol; methyl alcohol | метанол; метиловый спирт | metanol
industrial_gases | 2804 | chem | hs28 | industrial gases; oxygen; nitrogen; argon | технические газы; кислород; азот; аргон | texniki qazlar; oksigen; azot; arqon
chemicals | 38 | chem | - | chemicals; industrial chemicals; chemical products | химия; химическая продукция; химикаты | kimya məhsulları; kimyəvi maddələr; sənaye kimyası
detergents | 3402 | chem | - | detergent; washing powder; household chemicals; cleaning products | моющее средство; стиральный порошок; бытовая химия | yuyucu vasitə; paltaryuyan toz; məişət kimyası
soap | 3401 | chem | - | soap; toilet soap | мыло; туалетное мыло | sabun
glue | 3506 | chem | - | glue; adhesive | клей; клеящие составы | yapışqan
medicines | 3004 | pharma | hs30 | medicine; medicinal product; medication; generic drug | лекарственные средства; лекарства; медикаменты; лекарственные препараты | dərman; dərman preparatları; dərman vasitələri
veterinary_drugs | 3004 | pharma | medicines | veterinary drugs; veterinary medicines | ветеринарные препараты; ветеринарные лекарственные средства | baytarlıq preparatları; baytar dərmanları
vaccines | 3002.41 | pharma | - | vaccine | вакцина | vaksin
medical_equipment | 9018 | pharma | - | medical equipment; medical devices; medical instruments | медицинское оборудование; медицинская техника; медицинские изделия | tibbi avadanlıq; tibbi cihazlar; tibbi ləvazimat
syringes | 9018.31 | pharma | medical_equipment | syringe; disposable syringe | шприц; одноразовый шприц | şpris; birdəfəlik şpris
xray_equipment | 9022 | pharma | medical_equipment | x-ray equipment; diagnostic imaging equipment | рентгеновское оборудование; рентген-аппарат | rentgen avadanlığı; rentgen aparatı
lab_equipment | 9027 | pharma | - | laboratory equipment; laboratory analyzer; laboratory instruments | лабораторное оборудование; анализатор | laboratoriya avadanlığı; analizator
bandages | 3005 | pharma | - | bandage; wound dressing; medical gauze | бинт; перевязочные материалы; марля | bint; sarğı materialları
medical_gloves | 4015.12 | pharma | - | medical gloves; examination gloves; nitrile gloves | медицинские перчатки; нитриловые перчатки | tibbi əlcək
face_masks | 6307.90 | pharma | - | face mask; medical mask; respirator | медицинская маска; респиратор | tibbi maska; respirator
cosmetics | 3304 | pharma | hs33 | cosmetics; skin care; make-up; face cream | косметика; косметические средства; уходовая косметика | kosmetika; kosmetik vasitələr
perfume | 3303 | pharma | hs33 | perfume; eau de toilette; fragrance | парфюмерия; духи; туалетная вода | ətir; ətriyyat
hair_care | 3305 | pharma | hs33 | shampoo; hair care products | шампунь; средства для волос | şampun; saç baxımı vasitələri
toothpaste | 3306.10 | pharma | hs33 | toothpaste; oral care products | зубная паста; средства для ухода за полостью рта | diş pastası
essential_oils | 3301 | pharma | hs33 | essential oil; rose oil | эфирное масло; розовое масло | efir yağı
medicinal_herbs | 1211.90 | pharma | - | medicinal herbs; medicinal plants | лекарственные травы; лекарственные растения | dərman bitkiləri
hygiene_products | 9619 | pharma | - | diaper; nappy; sanitary pad; hygiene products | подгузник; памперсы; гигиенические прокладки | uşaq bezi; gigiyenik bez; gigiyena məhsulları
tractor | 8701 | machinery | agri_machinery | tractor; agricultural tractor; wheeled tractor | трактор; колёсный трактор | traktor
combine_harvester | 8433.51 | machinery | agri_machinery | combine harvester; grain harvester | комбайн; зерноуборочный комбайн | kombayn; taxılyığan kombayn
agri_machinery | 8432 | machinery | - | agricultural machinery; farm machinery; agricultural equipment | сельхозтехника; сельскохозяйственная техника; сельхозоборудование | kənd təsərrüfatı texnikası; aqrotexnika; kənd təsərrüfatı avadanlığı
tillage | 8432.10 | machinery | agri_machinery | plough; plow; harrow; cultivator | плуг; борона; культиватор | kotan; mala; kultivator
seeder | 8432 | machinery | agri_machinery | seeder; seed drill; planter | сеялка; посевной комплекс | toxumsəpən; səpən maşın
sprayer | 8424.49 | machinery | agri_machinery | sprayer; crop sprayer | опрыскиватель; полевой опрыскиватель | çiləyici
irrigation | 8424.82 | machinery | agri_machinery | irrigation equipment; drip irrigation; irrigation system | оборудование для полива; капельное орошение; система орошения | suvarma avadanlığı; damcılı suvarma; suvarma sistemi
poultry_equipment | 8436.29 | machinery | agri_machinery | poultry equipment; incubator; livestock equipment | птицеводческое оборудование; инкубатор; животноводческое оборудование | quşçuluq avadanlığı; inkubator; heyvandarlıq avadanlığı
food_equipment | 8438 | machinery | - | food processing equipment; bakery equipment; meat processing equipment | оборудование для пищевой промышленности; пищевое оборудование; хлебопекарное оборудование | qida sənayesi avadanlığı; çörəkbişirmə avadanlığı
packaging_machinery | 8422 | machinery | - | packaging machine; bottling line; filling machine | упаковочное оборудование; фасовочное оборудование; линия розлива | qablaşdırma avadanlığı; doldurma xətti
refrigeration | 8418 | machinery | - | refrigeration equipment; commercial refrigerator; freezer; chiller | холодильное оборудование; морозильная камера; промышленный холодильник | soyuducu avadanlıq; dondurucu
air_conditioner | 8415 | machinery | - | air conditioner; hvac equipment; split system | кондиционер; сплит-система; климатическое оборудование | kondisioner; split sistem
pumps | 8413 | machinery | - | pump; water pump; centrifugal pump | насос; насосное оборудование | nasos; nasos avadanlığı
compressors | 8414 | machinery | - | compressor; air compressor; industrial fan | компрессор; вентилятор | kompressor; ventilyator
valves | 8481 | machinery | - | valve; pipeline valves; gate valve; shut-off valve | трубопроводная арматура; запорная арматура; задвижка; клапан | klapan; siyirtmə; boru kəməri armaturu
bearings | 8482 | machinery | - | bearing; ball bearing; roller bearing | подшипник; роликовый подшипник | podşipnik; diyircəkli yastıq
diesel_engine | 8408 | machinery | - | diesel engine; internal combustion engine | дизельный двигатель; двигатель внутреннего сгорания | dizel mühərriki; daxiliyanma mühərriki
generators | 8502 | machinery | - | generator; generating set; diesel generator; genset | генератор; дизель-генератор; дизельная электростанция | generator; dizel generator
electric_motor | 8501 | machinery | - | electric motor; induction motor | электродвигатель; асинхронный двигатель | elektrik mühərriki
transformer | 8504 | machinery | - | transformer; power transformer | трансформатор; силовой трансформатор | transformator
switchgear | 8537 | machinery | - | switchgear; electrical panel; control panel; distribution board | распределительный щит; щит управления; электрощитовое оборудование | paylayıcı qurğu; elektrik şiti; idarəetmə paneli
cables | 8544 | machinery | - | cable; electric cable; power cable; wire and cable | кабель; кабельная продукция; провод; кабельно-проводниковая продукция | kabel; elektrik kabeli; naqil
lighting | 9405 | furniture | - | lighting; led lamp; luminaire; light fixture | светильник; светодиодная лампа; освещение | işıqlandırma; lampa; çıraq
solar_panels | 8541.43 | machinery | - | solar panel; photovoltaic module; solar module | солнечная панель; солнечный модуль | günəş paneli; fotovoltaik modul
batteries | 8507 | machinery | - | battery; accumulator; car battery | аккумулятор; аккумуляторная батарея | akkumulyator
household_appliances | 8516 | machinery | - | household appliances; home appliances; kitchen appliances | бытовая техника; бытовые электроприборы | məişət texnikası; məişət cihazları
washing_machine | 8450 | machinery | household_appliances | washing machine; laundry machine | стиральная машина | paltaryuyan maşın
television | 8528.72 | machinery | - | television; tv set | телевизор | televizor
computers | 8471 | machinery | - | computer; laptop; server; computer equipment | компьютер; ноутбук; компьютерная техника; сервер | kompüter; noutbuk; kompüter avadanlığı
phones | 8517 | machinery | - | mobile phone; smartphone; telecom equipment | мобильный телефон; смартфон; телекоммуникационное оборудование | mobil telefon; smartfon; telekommunikasiya avadanlığı
meters | 9028 | machinery | hs90 | metering device; utility meter; electricity meter; gas meter; water meter | счётчик; электросчётчик; газовый счётчик; счётчик воды | sayğac; elektrik sayğacı; qaz sayğacı
power_tools | 8467 | machinery | - | power tools; electric tools | электроинструмент; ручной электроинструмент | elektrik alətləri
construction_machinery | 8429 | machinery | - | construction machinery; construction equipment; road construction machinery; heavy equipment | строительная техника; дорожно-строительная техника; спецтехника | tikinti texnikası; yol-tikinti texnikası; xüsusi texnika
excavator | 8429.52 | machinery | construction_machinery | excavator; backhoe loader | экскаватор; экскаватор-погрузчик | ekskavator
bulldozer | 8429.11 | machinery | construction_machinery | bulldozer; crawler dozer | бульдозер; гусеничный бульдозер | buldozer
loader | 8429.51 | machinery | construction_machinery | front loader; wheel loader | фронтальный погрузчик; погрузчик | frontal yükləyici; yükləyici
forklift | 8427 | machinery | - | forklift; forklift truck | вилочный погрузчик; автопогрузчик | avtoyükləyici; vilkalı yükləyici
crane | 8426 | machinery | construction_machinery | crane; tower crane | подъёмный кран; башенный кран | qaldırıcı kran; qüllə kranı
elevator | 8428.10 | machinery | - | passenger elevator; lift; escalator | лифт; эскалатор | lift; eskalator
concrete_mixer | 8474.31 | machinery | construction_machinery | concrete mixer; concrete batching plant | бетономешалка; бетонный узел | betonqarışdıran
machine_tools | 8458 | machinery | - | machine tool; lathe; cnc machine; milling machine | станок; токарный станок; станок с чпу; фрезерный станок | dəzgah; torna dəzgahı; cnc dəzgahı
oil_gas_equipment | 8430 | machinery | - | drilling rig; oilfield equipment; oil and gas equipment | буровая установка; нефтепромысловое оборудование; нефтегазовое оборудование | qazma qurğusu; neft-mədən avadanlığı; neft-qaz avadanlığı
sewing_machines | 8452 | machinery | - | sewing machine; textile machinery | швейная машина; текстильное оборудование | tikiş maşını; toxuculuq avadanlığı
woodworking_machinery | 8465 | machinery | - | woodworking machine; woodworking equipment | деревообрабатывающий станок; деревообрабатывающее оборудование | ağac emalı dəzgahı; ağac emalı avadanlığı
boilers | 8403 | machinery | - | heating boiler; boiler equipment | отопительный котёл; котёл; котельное оборудование | isitmə qazanı; qazan avadanlığı
truck | 8704 | vehicle | hs87 | truck; lorry; commercial vehicle; dump truck | грузовик; грузовой автомобиль; самосвал | yük avtomobili; yük maşını; özüboşaldan
car | 8703 | vehicle | hs87 | car; passenger car; automobile | легковой автомобиль; автомобиль | minik avtomobili; avtomobil
bus | 8702 | vehicle | hs87 | bus; minibus | автобус; микроавтобус | avtobus; mikroavtobus
auto_parts | 8708 | vehicle | hs87 | auto parts; car parts; automotive components; vehicle spare parts | автозапчасти; запасные части к автомобилям; автокомпоненты | avtomobil ehtiyat hissələri; avtoehtiyat hissələri; ehtiyat hissələri
trailer | 8716 | vehicle | hs87 | trailer; semi-trailer; refrigerated trailer | прицеп; полуприцеп; рефрижераторный полуприцеп | qoşqu; yarımqoşqu
special_vehicles | 8705 | vehicle | hs87 | special purpose vehicle; mobile crane; fire truck; truck-mounted concrete mixer | спецавтомобиль; автокран; автобетоносмеситель | xüsusi təyinatlı avtomobil; avtokran
motorcycle | 8711 | vehicle | hs87 | motorcycle; scooter | мотоцикл; скутер | motosiklet; skuter
railcar | 8606 | vehicle | hs86 | railway wagon; freight car; tank car; rail car | железнодорожный вагон; грузовой вагон; вагон-цистерна; полувагон | dəmir yolu vaqonu; yük vaqonu; sistern vaqon
locomotive | 8602 | vehicle | hs86 | locomotive; diesel locomotive | локомотив; тепловоз | lokomotiv; teplovoz
ship | 8901 | vehicle | - | ship; vessel; cargo ship; tanker | судно; сухогруз; танкер | gəmi; yük gəmisi; tanker
boat | 8903 | vehicle | - | boat; yacht; motor boat | лодка; катер; яхта | qayıq; kater; yaxta
crude_oil | 2709 | energy | hs27 | crude oil; crude petroleum | нефть; сырая нефть | xam neft; neft
oil_products | 2710 | energy | hs27 | oil products; petroleum products; refined products; fuels and lubricants | нефтепродукты; нефтяные продукты; гсм; горюче-смазочные материалы | neft məhsulları; yanacaq-sürtkü materialları
diesel | 2710.19 | energy | oil_products | diesel; diesel fuel; gasoil | дизельное топливо; дизтопливо; солярка; дт | dizel yanacağı; dizel; solyarka
petrol | 2710.12 | energy | oil_products | petrol; gasoline; motor gasoline | бензин; автомобильный бензин | benzin
jet_fuel | 2710.19 | energy | oil_products | jet fuel; kerosene; aviation fuel | авиакеросин; керосин; авиатопливо | aviasiya kerosini; kerosin; aviayanacaq
fuel_oil | 2710.19 | energy | oil_products | fuel oil; heavy fuel oil; mazut | мазут; топочный мазут | mazut
lubricants | 2710.19 | energy | oil_products | lubricant; motor oil; lubricating oil; engine oil | смазочные материалы; моторное масло; смазочное масло | sürtkü yağları; motor yağı; sürtkü materialları
bitumen | 2713.20 | energy | - | bitumen; petroleum bitumen; road bitumen | битум; нефтяной битум; дорожный битум | bitum; neft bitumu
petroleum_coke | 2713.11 | energy | - | petroleum coke; petcoke | нефтяной кокс; прокалённый кокс | neft koksu
paraffin | 2712.20 | energy | - | paraffin wax; paraffin | парафин; нефтяной парафин | parafin
natural_gas | 2711.21 | energy | hs27 | natural gas; pipeline gas | природный газ; газ природный | təbii qaz
lng | 2711.11 | energy | natural_gas | lng; liquefied natural gas | спг; сжиженный природный газ | lng; mayeləşdirilmiş təbii qaz
lpg | 2711.19 | energy | hs27 | lpg; liquefied petroleum gas; propane-butane; propane | суг; сжиженный углеводородный газ; пропан-бутан; автогаз | mayeləşdirilmiş qaz; propan-butan; propan
coal | 2701 | energy | hs27 | coal; thermal coal; coking coal; anthracite | уголь; каменный уголь; энергетический уголь; антрацит | kömür; daş kömür
coke | 2704 | energy | - | metallurgical coke; coke fuel; coking product | кокс; металлургический кокс | koks
electricity | 2716 | energy | - | electricity; electric power; electrical energy | электроэнергия; электричество | elektrik enerjisi
furniture | 9403 | furniture | - | furniture; home furniture; cabinet furniture | мебель; корпусная мебель | mebel; korpus mebeli
office_furniture | 9403 | furniture | furniture | office furniture; office desk | офисная мебель; мебель для офиса | ofis mebeli
upholstered_furniture | 9401 | furniture | furniture | upholstered furniture; sofa; armchair; chair | мягкая мебель; диван; кресло; стул | yumşaq mebel; divan; kreslo; stul
kitchen_furniture | 9403.40 | furniture | furniture | kitchen furniture; kitchen cabinets | кухонная мебель; кухонный гарнитур | mətbəx mebeli
mattress | 9404.21 | furniture | - | mattress; orthopedic mattress | матрас; матрац | döşək
home_textiles | 6302 | textile | - | home textiles; bed linen; towel | домашний текстиль; постельное бельё; полотенце | ev tekstili; yataq dəsti; dəsmal
textiles | 52 | textile | - | textiles; textile products; textile goods | текстиль; текстильная продукция; текстильные изделия | tekstil; tekstil məhsulları; toxuculuq məhsulları
fabric | 5208 | textile | textiles | fabric; textile fabric; cloth | ткань; текстильное полотно | parça
raw_cotton | 5201 | textile | hs52 | raw cotton; cotton fibre; cotton fiber; cotton lint | хлопок-сырец; хлопковое волокно; хлопок-волокно | xam pambıq; pambıq lifi; mahlıc
cotton_yarn | 5205 | textile | hs52 | cotton yarn; yarn | хлопчатобумажная пряжа; хлопковая пряжа; пряжа | pambıq ipliyi; iplik
cotton_fabric | 5208 | textile | fabric | cotton fabric; calico | хлопчатобумажная ткань; хлопковая ткань; бязь | pambıq parça
raw_wool | 5101 | textile | hs51 | raw wool; greasy wool; sheep wool | шерсть-сырец; немытая шерсть; овечья шерсть | xam yun; qoyun yunu
silk_cocoons | 5001 | textile | hs50 | silk cocoons; silkworm cocoons | коконы шелкопряда; кокон тутового шелкопряда | barama; ipək qurdu baraması
raw_silk | 5002 | textile | hs50 | raw silk; silk yarn | шёлк-сырец; шёлковая пряжа | xam ipək; ipək sapı
silk_fabric | 5007 | textile | hs50 | silk fabric; silk cloth | шёлковая ткань; шёлковое полотно | ipək parça
kelaghayi | 6214.10 | textile | hs50 | silk scarf; kelaghayi; silk headscarf | шёлковый платок; келагаи | kəlağayı; ipək yaylıq
carpet | 5701 | textile | hs57 | carpet; rug; handmade carpet; hand-knotted carpet | ковёр; ковёр ручной работы | xalça; əl toxuması xalça; əl işi xalça
machine_carpet | 5703 | textile | hs57 | machine-made carpet; carpeting; tufted carpet; wall-to-wall carpet | ковролин; ковровое покрытие; машинный ковёр | maşın xalçası; xalça örtüyü
kilim | 5702.10 | textile | hs57 | kilim; flat-woven rug | килим; безворсовый ковёр | kilim; palaz; cecim
clothing | 62 | textile | - | clothing; apparel; garment; ready-made clothing | одежда; готовая одежда | geyim; hazır geyim
workwear | 6211 | textile | clothing | workwear; work uniform; protective clothing | спецодежда; рабочая одежда; униформа | iş geyimi; xüsusi geyim; iş forması
hosiery | 6115 | textile | clothing | socks; hosiery | носки; чулочно-носочные изделия | corab
footwear | 64 | textile | - | footwear; shoes; boots | обувь; кожаная обувь | ayaqqabı; çəkmə
bags | 4202 | textile | hs42 | handbag; suitcase; luggage | сумка; чемодан | çanta; çamadan
tableware | 7323 | consumer | - | tableware; kitchenware; dishes; cookware | посуда; кухонная посуда | qab-qacaq; mətbəx qabları
"""

SERVICES = """
logistics | - | svc_transport | - | logistics services; logistics; freight transport; cargo transportation | логистические услуги; логистика; грузоперевозки; перевозка грузов | logistika xidmətləri; logistika; yük daşımaları; yükdaşıma
freight_forwarding | - | svc_transport | logistics | freight forwarding; forwarding services; freight forwarder | транспортно-экспедиционные услуги; экспедирование; экспедитор | ekspeditor xidmətləri; ekspeditor; yük ekspedisiyası
road_freight | - | svc_transport | logistics | road freight; trucking; truck transport; international road haulage | автоперевозки; автомобильные грузоперевозки; международные автоперевозки; автотранспортные услуги | avtomobil yükdaşımaları; avtonəqliyyat xidmətləri; beynəlxalq avtodaşımalar
rail_freight | - | svc_transport | logistics | rail freight; rail transport; railway transportation | железнодорожные перевозки; ж/д перевозки; перевозка по железной дороге | dəmir yolu daşımaları; dəmir yolu ilə yükdaşıma
sea_freight | - | svc_transport | logistics | sea freight; ferry transport; caspian shipping; ro-ro shipping; shipping line | морские перевозки; паромные перевозки; перевозки по каспию; судоходство | dəniz daşımaları; bərə daşımaları; xəzər dənizi ilə daşımalar
container_shipping | - | svc_transport | logistics | container shipping; container transport; container freight | контейнерные перевозки; перевозка контейнеров | konteyner daşımaları
air_freight | - | svc_transport | logistics | air freight; air cargo | авиаперевозки грузов; авиадоставка; авиагрузоперевозки | hava yolu ilə yükdaşıma; aviadaşımalar
reefer_transport | - | svc_transport | logistics | refrigerated transport; reefer transport; temperature-controlled transport | рефрижераторные перевозки; перевозка в рефрижераторах; рефперевозки | refrijerator daşımaları; soyuducu maşınla daşıma
multimodal | - | svc_transport | logistics | multimodal transport; intermodal transport; transit transport | мультимодальные перевозки; интермодальные перевозки; транзитные перевозки | multimodal daşımalar; tranzit daşımaları
port_services | - | svc_transport | - | port services; stevedoring; cargo handling; transshipment | портовые услуги; стивидорные услуги; перевалка грузов; погрузочно-разгрузочные работы | liman xidmətləri; yükləmə-boşaltma işləri; yüklərin aşırılması
courier | - | svc_transport | - | courier services; express delivery; parcel delivery | курьерские услуги; экспресс-доставка; доставка посылок | kuryer xidmətləri; ekspres çatdırılma; bağlama çatdırılması
project_cargo | - | svc_transport | logistics | project cargo; oversized cargo; heavy lift transport | негабаритные грузы; перевозка тяжеловесных грузов; проектные грузы | böyükqabaritli yüklər; ağır yüklərin daşınması
ship_chartering | - | svc_transport | sea_freight | ship chartering; vessel charter; tanker chartering | фрахтование судов; фрахт; чартер судна | gəmi fraxtı; fraxt
cold_storage | - | svc_storage | warehousing | cold storage; refrigerated warehouse | холодильный склад; хранение в холодильнике; холодильник для хранения | soyuducu anbar; soyuducu anbarda saxlama
warehousing | - | svc_storage | - | warehousing; warehouse services; storage | складские услуги; ответственное хранение; склад | anbar xidmətləri; anbar; saxlama
bonded_warehouse | - | svc_storage | warehousing | temporary storage warehouse; bonded warehouse; customs warehouse | склад временного хранения; свх; таможенный склад | müvəqqəti saxlanc anbarı; gömrük anbarı
grain_elevator | - | svc_storage | warehousing | grain elevator; grain storage; silo | элеватор; хранение зерна | elevator; taxıl anbarı; taxılın saxlanması
fulfilment | - | svc_storage | warehousing | fulfilment; order fulfilment; distribution center | фулфилмент; распределительный центр | fulfilment xidmətləri; paylayıcı mərkəz
packing_services | - | svc_storage | - | packing services; sorting and grading; repacking | фасовка; сортировка и упаковка; калибровка | qablaşdırma xidmətləri; çeşidləmə; kalibrləmə
customs_clearance | - | svc_trade | - | customs clearance; customs brokerage; customs broker | таможенное оформление; таможенный брокер; таможенный представитель | gömrük rəsmiləşdirilməsi; gömrük brokeri; gömrük bəyannaməsi
certification | - | svc_trade | - | certification; declaration of conformity; certificate of conformity; eac certification | сертификация; декларация соответствия; сертификат соответствия; еас | sertifikatlaşdırma; uyğunluq sertifikatı; uyğunluq bəyannaməsi
phytosanitary | - | svc_trade | certification | phytosanitary certificate; veterinary certificate; certificate of origin | фитосанитарный сертификат; ветеринарный сертификат; сертификат происхождения | fitosanitar sertifikat; baytarlıq sertifikatı; mənşə sertifikatı
halal_certification | - | svc_trade | certification | halal certification; halal | сертификация халяль; халяль | halal sertifikatı; halal
inspection | - | svc_trade | - | laboratory testing; quality inspection; cargo inspection; surveyor | лабораторные испытания; контроль качества; инспекция груза; сюрвейер | laboratoriya sınaqları; keyfiyyətə nəzarət; yükün yoxlanılması; sürveyer
insurance | - | svc_trade | - | insurance; cargo insurance; insurance services | страхование; страхование грузов; страховые услуги | sığorta; yük sığortası; sığorta xidmətləri
banking | - | svc_trade | - | banking services; bank; trade finance; letter of credit; export finance | банковские услуги; банк; торговое финансирование; аккредитив; экспортное финансирование | bank xidmətləri; bank; ticarətin maliyyələşdirilməsi; akkreditiv
payments | - | svc_trade | banking | payment services; international payments; currency exchange | платёжные услуги; международные платежи; валютный контроль | ödəniş xidmətləri; beynəlxalq ödənişlər; valyuta mübadiləsi
leasing | - | svc_trade | - | leasing; equipment leasing; financial leasing | лизинг; лизинг оборудования | lizinq
wholesale | - | svc_trade | - | wholesale; wholesale trade; distribution; distributor | оптовая торговля; оптовые поставки; дистрибуция; дистрибьютор | topdan satış; topdan ticarət; distribusiya; distribyutor
retail | - | svc_trade | - | retail; retail chain; supermarket; retail trade | розничная торговля; торговая сеть; сетевой ритейл; супермаркет | pərakəndə satış; ticarət şəbəkəsi; supermarket
trade_agent | - | svc_trade | - | sales agent; trade representation; import-export agent; sourcing | торговый агент; торговое представительство; импорт-экспорт; поиск поставщиков | ticarət agenti; ticarət nümayəndəliyi; idxal-ixrac; təchizatçı axtarışı
export_support | - | svc_trade | - | export promotion; export consulting; market entry | поддержка экспорта; экспортное консультирование; выход на рынок | ixracın təşviqi; ixrac məsləhəti; bazara çıxış
software_development | - | svc_it | - | software development; custom software; software engineering | разработка программного обеспечения; разработка программ; заказное программное обеспечение | proqram təminatının hazırlanması; proqram təminatı; proqram təminatının işlənməsi
web_development | - | svc_it | software_development | web development; website development; e-commerce development | разработка сайтов; веб-разработка; создание сайтов | veb-saytların hazırlanması; veb proqramlaşdırma; sayt hazırlanması
mobile_apps | - | svc_it | software_development | mobile app development; mobile applications | разработка мобильных приложений; мобильные приложения | mobil tətbiqlərin hazırlanması; mobil tətbiqlər
it_services | - | svc_it | - | it services; it outsourcing; it support; it consulting | ит-услуги; ит-аутсорсинг; ит-поддержка; ит-консалтинг | it xidmətləri; it autsorsinq; it dəstəyi
erp | - | svc_it | software_development | erp implementation; 1c implementation; business automation | внедрение 1с; автоматизация бизнеса; erp-системы | erp sistemlərinin tətbiqi; biznesin avtomatlaşdırılması; 1c proqramı
cybersecurity | - | svc_it | - | cybersecurity; information security | кибербезопасность; информационная безопасность | kibertəhlükəsizlik; informasiya təhlükəsizliyi
hosting | - | svc_it | - | cloud services; hosting; data center | облачные услуги; хостинг; центр обработки данных; цод | bulud xidmətləri; hostinq; data mərkəzi
telecom | - | svc_it | - | telecommunication services; internet provider; connectivity | телекоммуникационные услуги; связь; интернет-провайдер | telekommunikasiya xidmətləri; rabitə xidmətləri; internet provayder
system_integration | - | svc_it | it_services | system integration; it infrastructure; network installation | системная интеграция; ит-инфраструктура; монтаж сетей | sistem inteqrasiyası; it infrastrukturu; şəbəkə quraşdırılması
tourism | - | svc_travel | - | tourism; tour operator; travel agency; tour | туризм; туроператор; турагентство; туристические услуги | turizm; turoperator; turizm agentliyi; turizm xidmətləri
hotels | - | svc_travel | - | hotel; hotel services; accommodation | гостиница; отель; гостиничные услуги; проживание в гостинице | otel; mehmanxana; mehmanxana xidmətləri
medical_tourism | - | svc_travel | tourism | medical tourism; health resort; sanatorium; spa treatment | медицинский туризм; санаторий; санаторно-курортное лечение; нафталан | tibbi turizm; sanatoriya; müalicə turizmi; naftalan müalicəsi
air_tickets | - | svc_travel | - | air tickets; ticketing; flight booking | авиабилеты; бронирование билетов | aviabiletlər; bilet sifarişi
catering | - | svc_travel | - | catering; restaurant; food service | кейтеринг; ресторан; общественное питание | ketrinq; restoran; ictimai iaşə
passenger_transport | - | svc_travel | - | passenger transport; bus charter; airport transfer | пассажирские перевозки; трансфер; аренда автобусов | sərnişin daşımaları; transfer; avtobus icarəsi
construction | - | svc_build | - | construction contracting; general contractor; construction works; construction | строительный подряд; генподряд; строительство; строительные работы | tikinti podratı; baş podratçı; tikinti; tikinti işləri
design | - | svc_build | - | engineering and design; architectural design; design documentation; architecture | проектирование; проектные работы; архитектурное проектирование; проектная документация | layihələndirmə; memarlıq layihələndirməsi; layihə sənədləri
engineering | - | svc_build | - | engineering services; epc contracting; technical supervision | инжиниринг; инжиниринговые услуги; технический надзор | mühəndislik xidmətləri; texniki nəzarət; mühəndislik
road_construction | - | svc_build | construction | road construction; bridge construction; infrastructure construction | дорожное строительство; строительство дорог; мостостроение | yol tikintisi; körpü tikintisi; infrastruktur tikintisi
installation | - | svc_build | - | installation works; electrical installation; hvac installation; equipment installation | монтажные работы; электромонтаж; монтаж оборудования | quraşdırma işləri; elektrik quraşdırma işləri; montaj
renovation | - | svc_build | construction | renovation; finishing works; interior fit-out | ремонт помещений; отделочные работы; ремонтно-строительные работы | təmir-tikinti işləri; bəzək işləri; təmir
real_estate | - | svc_build | - | real estate development; real estate; property development | девелопмент; недвижимость | daşınmaz əmlak; əmlak
surveying | - | svc_build | - | geological survey; geotechnical survey; topographic survey | инженерные изыскания; геологические изыскания; геодезия | geoloji kəşfiyyat; mühəndis axtarışları; geodeziya
oilfield_services | - | svc_build | - | oilfield services; drilling services; pipeline construction | нефтесервис; нефтесервисные услуги; бурение скважин; строительство трубопроводов | neft servisi; quyu qazma; boru kəmərinin tikintisi
consulting | - | svc_other | - | business consulting; consulting; management consulting | консалтинг; консалтинговые услуги; бизнес-консультирование | konsaltinq; məsləhət xidmətləri; biznes məsləhəti
legal | - | svc_other | - | legal services; law firm; lawyer | юридические услуги; юрист; адвокат | hüquq xidmətləri; hüquqşünas; vəkil
translation | - | svc_other | - | translation services; interpreting; translation | переводческие услуги; перевод; устный перевод | tərcümə xidmətləri; tərcümə; şifahi tərcümə
advertising | - | svc_other | - | advertising; marketing; digital marketing; smm; branding | реклама; маркетинг; интернет-маркетинг; брендинг | reklam; marketinq; rəqəmsal marketinq; brendinq
market_research | - | svc_other | - | market research; marketing research | маркетинговые исследования; исследование рынка | bazar araşdırması; marketinq tədqiqatları
events | - | svc_other | - | exhibition; trade fair; event management; conference | выставка; организация мероприятий; конференция; ивент-агентство | sərgi; tədbirlərin təşkili; konfrans
agri_services | - | svc_other | - | agricultural services; agronomy; harvesting services | агроуслуги; агрономические услуги; уборка урожая | aqrar xidmətlər; aqronomluq xidmətləri; məhsul yığımı
veterinary | - | svc_other | - | veterinary services; veterinary clinic | ветеринарные услуги; ветеринарная клиника; ветеринар | baytarlıq xidmətləri; baytar
education | - | svc_other | - | training; education; courses; language courses | обучение; образование; учебные курсы; тренинг | təlim; təhsil; kurslar
recruitment | - | svc_other | - | recruitment; staffing; personnel outsourcing; hr services | подбор персонала; рекрутинг; аутстаффинг | kadr seçimi; işə qəbul xidmətləri; heyət təminatı
accounting | - | svc_other | - | accounting; audit; bookkeeping; tax consulting | бухгалтерские услуги; аудит; бухгалтерия; налоговый консалтинг | mühasibat xidmətləri; audit; vergi məsləhəti
printing_services | - | svc_other | - | printing services; printing house; offset printing | типография; полиграфические услуги; офсетная печать | mətbəə; çap xidmətləri
security | - | svc_other | - | security services; guarding | охранные услуги; охрана | mühafizə xidmətləri; təhlükəsizlik xidmətləri
cleaning | - | svc_other | - | cleaning services; facility management | клининг; клининговые услуги; уборка помещений | təmizlik xidmətləri; klininq
healthcare | - | svc_other | - | medical services; clinic; healthcare | медицинские услуги; клиника; здравоохранение | tibbi xidmətlər; klinika; səhiyyə
equipment_repair | - | svc_other | - | equipment repair; maintenance service; after-sales service | ремонт оборудования; техническое обслуживание; сервисное обслуживание | avadanlığın təmiri; texniki xidmət; servis xidməti
waste_management | - | svc_other | - | waste management; recycling; waste collection | утилизация отходов; переработка отходов; вывоз мусора | tullantıların idarə olunması; təkrar emal; tullantıların daşınması
"""

TABLES = [("CHAPTERS", CHAPTERS), ("FOOD", FOOD), ("FOOD2", FOOD2), ("GOODS", GOODS), ("SERVICES", SERVICES)]


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

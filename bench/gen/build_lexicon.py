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
hs78 | 78 | metal | - | lead and articles thereof; lead | свинец и изделия из него; свинец | qurğuşun və ondan məmulatlar; qurğuşun
hs79 | 79 | metal | - | zinc and articles thereof; zinc | цинк и изделия из него; цинк | sink və ondan məmulatlar; sink
hs80 | 80 | metal | - | tin and articles thereof; tin | олово и изделия из него; олово | qalay və ondan məmulatlar; qalay
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
sunflower_oil | 1512 | oil | hs15 | sunflower oil; sunflower seed oil | подсолнечное масло; масло подсолнечное | günəbaxan yağı
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

TABLES = [("CHAPTERS", CHAPTERS), ("FOOD", FOOD), ("GOODS", GOODS), ("SERVICES", SERVICES)]


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

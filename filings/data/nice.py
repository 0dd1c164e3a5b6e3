# ruff: noqa: E501
"""Nice classification (12th edition): short headings and a starter list of terms.

Headings are abridged from the class headings WIPO publishes; the terms are a few common
ones per class to help people find their class, not the official alphabetical list.
(number, fr, ar, en)
"""

CLASSES = [
    (1, "Produits chimiques", "المواد الكيميائية", "Chemicals"),
    (2, "Peintures, vernis, laques", "الدهانات والورنيش", "Paints, varnishes, lacquers"),
    (3, "Cosmétiques, parfums, produits de nettoyage", "مستحضرات التجميل والعطور ومواد التنظيف", "Cosmetics, perfumery, cleaning preparations"),
    (4, "Huiles et graisses industrielles, combustibles", "الزيوت والشحوم الصناعية والوقود", "Industrial oils and greases, fuels"),
    (5, "Produits pharmaceutiques", "المستحضرات الصيدلانية", "Pharmaceuticals"),
    (6, "Métaux communs et leurs alliages", "المعادن العادية وسبائكها", "Common metals and their alloys"),
    (7, "Machines et machines-outils", "الآلات وأدوات الآلات", "Machines and machine tools"),
    (8, "Outils et instruments à main", "العدد والأدوات اليدوية", "Hand tools and implements"),
    (9, "Appareils scientifiques, électroniques, logiciels", "الأجهزة العلمية والإلكترونية والبرمجيات", "Scientific and electronic apparatus, software"),
    (10, "Appareils médicaux", "الأجهزة الطبية", "Medical apparatus"),
    (11, "Éclairage, chauffage, cuisson, réfrigération", "أجهزة الإنارة والتدفئة والطهي والتبريد", "Lighting, heating, cooking, refrigerating"),
    (12, "Véhicules", "المركبات", "Vehicles"),
    (13, "Armes à feu, feux d'artifice", "الأسلحة النارية والألعاب النارية", "Firearms, fireworks"),
    (14, "Bijouterie, horlogerie", "المجوهرات والساعات", "Jewellery, horological instruments"),
    (15, "Instruments de musique", "الآلات الموسيقية", "Musical instruments"),
    (16, "Papier, carton, imprimés, papeterie", "الورق والمطبوعات والقرطاسية", "Paper, printed matter, stationery"),
    (17, "Caoutchouc, matières plastiques mi-ouvrées, isolants", "المطاط واللدائن شبه المصنعة والعوازل", "Rubber, semi-processed plastics, insulating materials"),
    (18, "Cuir, bagages, parapluies", "الجلود والحقائب والمظلات", "Leather, luggage, umbrellas"),
    (19, "Matériaux de construction non métalliques", "مواد البناء غير المعدنية", "Non-metallic building materials"),
    (20, "Meubles, glaces, cadres", "الأثاث والمرايا والإطارات", "Furniture, mirrors, frames"),
    (21, "Ustensiles de ménage et de cuisine", "الأدوات المنزلية وأدوات المطبخ", "Household and kitchen utensils"),
    (22, "Cordes, filets, tentes, bâches", "الحبال والشباك والخيام", "Ropes, nets, tents, tarpaulins"),
    (23, "Fils à usage textile", "الخيوط للاستعمال النسيجي", "Yarns and threads for textile use"),
    (24, "Tissus et linge de maison", "الأقمشة والبياضات المنزلية", "Textiles and household linen"),
    (25, "Vêtements, chaussures, chapellerie", "الملابس والأحذية وأغطية الرأس", "Clothing, footwear, headwear"),
    (26, "Dentelles, broderies, boutons, articles de mercerie", "المخرمات والتطريز والأزرار والخردوات", "Lace, embroidery, buttons, haberdashery"),
    (27, "Tapis, nattes, revêtements de sols", "السجاد والحصر وأغطية الأرضيات", "Carpets, mats, floor coverings"),
    (28, "Jeux, jouets, articles de sport", "الألعاب واللعب وأدوات الرياضة", "Games, toys, sporting goods"),
    (29, "Viande, poisson, conserves, huiles alimentaires, laitages", "اللحوم والأسماك والمصبرات والزيوت الغذائية والألبان", "Meat, fish, preserves, edible oils, dairy"),
    (30, "Café, thé, farines, pâtisserie, épices", "البن والشاي والدقيق والحلويات والتوابل", "Coffee, tea, flour, pastry, spices"),
    (31, "Produits agricoles et horticoles frais", "المنتجات الزراعية والبستانية الطازجة", "Fresh agricultural and horticultural products"),
    (32, "Bières, eaux, boissons sans alcool, jus", "الجعة والمياه والمشروبات غير الكحولية والعصائر", "Beers, waters, non-alcoholic drinks, juices"),
    (33, "Boissons alcoolisées (sauf bières)", "المشروبات الكحولية (عدا الجعة)", "Alcoholic beverages (except beers)"),
    (34, "Tabac et articles pour fumeurs", "التبغ ولوازم المدخنين", "Tobacco and smokers' articles"),
    (35, "Publicité, gestion des affaires, vente au détail", "الإعلان وإدارة الأعمال والبيع بالتجزئة", "Advertising, business management, retail"),
    (36, "Assurances, finance, immobilier", "التأمين والمالية والعقار", "Insurance, finance, real estate"),
    (37, "Construction, réparation, installation", "البناء والإصلاح والتركيب", "Construction, repair, installation"),
    (38, "Télécommunications", "الاتصالات", "Telecommunications"),
    (39, "Transport, emballage, voyages", "النقل والتغليف وتنظيم الرحلات", "Transport, packaging, travel"),
    (40, "Traitement de matériaux", "معالجة المواد", "Treatment of materials"),
    (41, "Éducation, formation, divertissement, sport", "التعليم والتدريب والترفيه والرياضة", "Education, training, entertainment, sport"),
    (42, "Services scientifiques et informatiques", "الخدمات العلمية والمعلوماتية", "Scientific and computer services"),
    (43, "Restauration et hébergement", "خدمات الإطعام والإيواء", "Food and drink services, accommodation"),
    (44, "Services médicaux, soins de beauté, agriculture", "الخدمات الطبية وخدمات التجميل والفلاحة", "Medical, beauty care and agricultural services"),
    (45, "Services juridiques, sécurité, services personnels", "الخدمات القانونية والأمن والخدمات الشخصية", "Legal, security and personal services"),
]  # fmt: skip

# (class, fr, ar, en)
TERMS = [
    (3, "Savons", "صابون", "Soaps"), (3, "Parfums", "عطور", "Perfumes"),
    (3, "Huile d'argan à usage cosmétique", "زيت أركان للتجميل", "Argan oil for cosmetic use"),
    (3, "Produits de nettoyage", "مواد التنظيف", "Cleaning preparations"),
    (5, "Médicaments", "أدوية", "Medicines"), (5, "Compléments alimentaires", "مكملات غذائية", "Dietary supplements"),
    (9, "Logiciels", "برمجيات", "Software"), (9, "Applications mobiles téléchargeables", "تطبيقات هاتفية قابلة للتنزيل", "Downloadable mobile applications"),
    (9, "Téléphones mobiles", "هواتف محمولة", "Mobile phones"),
    (11, "Lampes", "مصابيح", "Lamps"), (11, "Chauffe-eau solaires", "سخانات مياه شمسية", "Solar water heaters"),
    (12, "Automobiles", "سيارات", "Cars"), (12, "Bicyclettes", "دراجات هوائية", "Bicycles"),
    (14, "Bijoux", "مجوهرات", "Jewellery"), (14, "Montres", "ساعات يد", "Watches"),
    (16, "Livres", "كتب", "Books"), (16, "Papeterie", "قرطاسية", "Stationery"),
    (18, "Sacs à main", "حقائب يد", "Handbags"), (18, "Articles en cuir", "مصنوعات جلدية", "Leather goods"),
    (20, "Meubles", "أثاث", "Furniture"),
    (21, "Vaisselle", "أواني المائدة", "Tableware"), (21, "Tajines (ustensiles)", "طواجين (أواني)", "Tagine pots"),
    (24, "Linge de maison", "بياضات منزلية", "Household linen"),
    (25, "Vêtements", "ملابس", "Clothing"), (25, "Chaussures", "أحذية", "Footwear"),
    (25, "Babouches", "بلاغي", "Babouche slippers"), (25, "Caftans", "قفاطين", "Kaftans"),
    (27, "Tapis", "زرابي", "Carpets"),
    (28, "Jouets", "لعب الأطفال", "Toys"), (28, "Articles de sport", "أدوات رياضية", "Sporting articles"),
    (29, "Huile d'olive", "زيت الزيتون", "Olive oil"), (29, "Olives conservées", "زيتون مصبر", "Preserved olives"),
    (29, "Fromages", "أجبان", "Cheese"), (29, "Conserves de poisson", "مصبرات السمك", "Canned fish"),
    (30, "Café", "قهوة", "Coffee"), (30, "Thé", "شاي", "Tea"), (30, "Pâtisseries", "حلويات", "Pastries"),
    (30, "Épices", "توابل", "Spices"), (30, "Couscous (semoule)", "كسكس", "Couscous"),
    (30, "Miel", "عسل", "Honey"),
    (31, "Fruits frais", "فواكه طازجة", "Fresh fruit"), (31, "Légumes frais", "خضر طازجة", "Fresh vegetables"),
    (32, "Eaux minérales", "مياه معدنية", "Mineral water"), (32, "Jus de fruits", "عصائر الفواكه", "Fruit juices"),
    (32, "Boissons gazeuses", "مشروبات غازية", "Soft drinks"),
    (35, "Publicité", "إشهار", "Advertising"), (35, "Vente au détail en ligne", "البيع بالتجزئة عبر الإنترنت", "Online retail services"),
    (35, "Conseil en gestion d'entreprise", "استشارات في تسيير المقاولات", "Business management consultancy"),
    (36, "Services bancaires", "خدمات بنكية", "Banking"), (36, "Agences immobilières", "وكالات عقارية", "Real estate agencies"),
    (37, "Construction de bâtiments", "تشييد المباني", "Building construction"), (37, "Réparation de véhicules", "إصلاح المركبات", "Vehicle repair"),
    (38, "Services de télécommunications", "خدمات الاتصالات", "Telecommunication services"),
    (39, "Transport de marchandises", "نقل البضائع", "Freight transport"), (39, "Organisation de voyages", "تنظيم الرحلات", "Travel arrangement"),
    (41, "Formation", "تكوين", "Training"), (41, "Organisation d'événements sportifs", "تنظيم تظاهرات رياضية", "Organising sporting events"),
    (41, "Enseignement", "تعليم", "Education"),
    (42, "Développement de logiciels", "تطوير البرمجيات", "Software development"),
    (42, "Hébergement de sites web", "استضافة المواقع الإلكترونية", "Website hosting"),
    (43, "Restaurants", "مطاعم", "Restaurants"), (43, "Cafés (services)", "مقاهي", "Café services"),
    (43, "Hôtels", "فنادق", "Hotels"), (43, "Maisons d'hôtes", "دور الضيافة", "Guest houses"),
    (44, "Salons de coiffure", "صالونات الحلاقة", "Hairdressing salons"), (44, "Hammams", "حمامات", "Hammam services"),
    (44, "Services médicaux", "خدمات طبية", "Medical services"),
    (45, "Services juridiques", "خدمات قانونية", "Legal services"), (45, "Services de sécurité", "خدمات الأمن", "Security services"),
]  # fmt: skip

# Fee grids from DOMAIN.md (to confirm with the office: kept as editable data).
FEE_GRIDS = [
    {
        "name": "OMPIC 2017 (per class, online / paper)",
        "source": "OMPIC fee schedule applicable from October 2017",
        # In each language, once the model has them (migration 0013 onwards).
        "translations": {
            "name_fr": "OMPIC 2017 (par classe, en ligne / papier)",
            "name_ar": "المكتب المغربي للملكية الصناعية والتجارية 2017 (لكل صنف، عبر الإنترنت / ورقيًا)",
            "name_en": "OMPIC 2017 (per class, online / paper)",
            "source_fr": "Barème des tarifs de l’OMPIC applicable depuis octobre 2017",
            "source_ar": "جدول رسوم المكتب المغربي للملكية الصناعية والتجارية المطبق منذ أكتوبر 2017",
            "source_en": "OMPIC fee schedule applicable from October 2017",
        },
        "effective_date": "2017-10-01",
        "online_first_class": "1800",
        "online_each_further_class": "360",
        "paper_first_class": "2400",
        "paper_each_further_class": "480",
    },
]


def load_reference_data(NiceClass, Term, FeeGrid):  # noqa: N803 -- model classes, historical or not
    """Create or update the classes, terms and fee grids (used by migration 0003 and the demo)."""
    import datetime
    from decimal import Decimal

    for number, fr, ar, en in CLASSES:
        NiceClass.objects.update_or_create(
            number=number, defaults={"heading_fr": fr, "heading_ar": ar, "heading_en": en}
        )
    for number, fr, ar, en in TERMS:
        Term.objects.update_or_create(
            nice_class_id=number, term_en=en, defaults={"term_fr": fr, "term_ar": ar}
        )
    translated = any(field.name == "name_fr" for field in FeeGrid._meta.get_fields())
    for grid in FEE_GRIDS:
        values = dict(grid)
        translations = values.pop("translations")
        values["effective_date"] = datetime.date.fromisoformat(values["effective_date"])
        for key in list(values):
            if key.endswith("class"):
                values[key] = Decimal(values[key])
        if translated:
            values.pop("name"), values.pop("source")
            FeeGrid.objects.update_or_create(
                effective_date=values.pop("effective_date"), defaults={**values, **translations}
            )
        else:
            FeeGrid.objects.get_or_create(name=values.pop("name"), defaults=values)

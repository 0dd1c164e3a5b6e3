# ruff: noqa: E501
"""Texts of the demo pages in French, Arabic and English (short, but real)."""

from core.formats import de_place

SEAT_NAMES_AR = {
    "Tanger": "طنجة",
    "Oujda": "وجدة",
    "Fès": "فاس",
    "Rabat": "الرباط",
    "Béni Mellal": "بني ملال",
    "Casablanca": "الدار البيضاء",
    "Marrakech": "مراكش",
    "Errachidia": "الرشيدية",
    "Agadir": "أكادير",
    "Guelmim": "كلميم",
    "Laâyoune": "العيون",
    "Dakhla": "الداخلة",
}
SEAT_NAMES_EN = {"Fès": "Fez", "Laâyoune": "Laayoune"}

HOME = {
    "fr": {
        "title": "Carrés des innovateurs",
        "slug": "accueil",
        "intro": "Créez votre entreprise, protégez votre marque et rencontrez un conseiller de votre "
        "chambre de commerce, d'industrie et de services.",
    },
    "ar": {
        "title": "مربعات المبتكرين",
        "slug": "alraisia",
        "intro": "أنشئ مقاولتك، احمِ علامتك التجارية والتقِ بمستشار من غرفة التجارة والصناعة والخدمات في جهتك.",
    },
    "en": {
        "title": "Innovators’ hubs",
        "slug": "home",
        "intro": "Create your company, protect your brand and meet an advisor of your chamber of "
        "commerce, industry and services.",
    },
}

HUB_INDEX = {
    "fr": {
        "title": "Trouver votre Carré",
        "slug": "carres",
        "intro": "Un Carré des innovateurs dans chaque région : choisissez la vôtre ou laissez-nous trouver le plus proche.",
    },
    "ar": {
        "title": "ابحث عن مربعك",
        "slug": "marakiz",
        "intro": "مربع للمبتكرين في كل جهة: اختر جهتك أو دعنا نجد الأقرب إليك.",
    },
    "en": {
        "title": "Find your hub",
        "slug": "hubs",
        "intro": "One innovators’ hub in every region: pick yours or let us find the closest one.",
    },
}
GUIDE_INDEX = {
    "fr": {
        "title": "Guides pratiques",
        "slug": "guides",
        "intro": "Les démarches expliquées pas à pas.",
    },
    "ar": {"title": "أدلة عملية", "slug": "adilla", "intro": "الإجراءات مشروحة خطوة بخطوة."},
    "en": {
        "title": "Service guides",
        "slug": "guides",
        "intro": "Procedures explained step by step.",
    },
}
EVENT_INDEX = {
    "fr": {
        "title": "Événements",
        "slug": "evenements",
        "intro": "Ateliers, caravanes de formation et séminaires de sensibilisation.",
    },
    "ar": {
        "title": "الفعاليات",
        "slug": "fa3aliyat",
        "intro": "ورشات وقوافل تكوينية وندوات تحسيسية.",
    },
    "en": {
        "title": "Events",
        "slug": "events",
        "intro": "Workshops, training caravans and awareness seminars.",
    },
}
NEWS_INDEX = {
    "fr": {
        "title": "Actualités",
        "slug": "actualites",
        "intro": "Les nouvelles du réseau des Carrés.",
    },
    "ar": {"title": "الأخبار", "slug": "akhbar", "intro": "أخبار شبكة مربعات المبتكرين."},
    "en": {"title": "News", "slug": "news", "intro": "News from the hub network."},
}

HUB_PAGE = {
    "fr": {
        "title": "Carré des innovateurs {de_city}",
        "slug": "carre",
        "intro": "Le Carré {de_city} accueille les créateurs d'entreprise et les innovateurs de la région {region}.",
        "services": "<ul><li>Accompagnement à la création d'entreprise</li><li>Certificat négatif et dépôt de marque</li>"
        "<li>Sensibilisation à la propriété industrielle</li><li>Mise en valeur des innovations régionales</li></ul>",
    },
    "ar": {
        "title": "مربع المبتكرين - {city}",
        "slug": "markaz",
        "intro": "يستقبل مربع {city} حاملي المشاريع والمبتكرين في الجهة.",
        "services": "<ul><li>مواكبة إنشاء المقاولات</li><li>الشهادة السلبية وإيداع العلامات</li>"
        "<li>التحسيس بالملكية الصناعية</li><li>إبراز الابتكارات الجهوية</li></ul>",
    },
    "en": {
        "title": "Innovators’ hub — {city}",
        "slug": "hub",
        "intro": "The {city} hub welcomes company creators and innovators of the {region} region.",
        "services": "<ul><li>Help with company creation</li><li>Negative certificate and trademark filing</li>"
        "<li>Industrial property awareness</li><li>Showcasing regional innovations</li></ul>",
    },
}

_CTA = {
    "fr": ("Un conseiller du Carré le plus proche vous aide gratuitement.", "Trouver mon Carré"),
    "ar": ("يساعدك مستشار من أقرب مربع مجاناً.", "ابحث عن مربعي"),
    "en": ("An advisor at your nearest hub helps you free of charge.", "Find my hub"),
}
_FAQ_HEADING = {
    "fr": "Questions fréquentes",
    "ar": "أسئلة شائعة",
    "en": "Frequently asked questions",
}
_STEPS_HEADING = {"fr": "Les étapes", "ar": "المراحل", "en": "The steps"}

GUIDES = [
    {
        "slug": {"fr": "creer-son-entreprise", "ar": "insha-maqawala", "en": "create-your-company"},
        "title": {"fr": "Créer son entreprise", "ar": "إنشاء مقاولتك", "en": "Create your company"},
        "intro": {
            "fr": "Pour les porteurs de projet qui veulent immatriculer une société ou une entreprise individuelle.",
            "ar": "لحاملي المشاريع الراغبين في تسجيل شركة أو مقاولة فردية.",
            "en": "For project owners who want to register a company or a sole proprietorship.",
        },
        "text": {
            "fr": "<p>La création se fait en ligne sur la plateforme nationale ; le Carré prépare votre dossier avec vous.</p>",
            "ar": "<p>يتم الإنشاء عبر المنصة الوطنية الإلكترونية، ويساعدك المربع في تحضير ملفك.</p>",
            "en": "<p>Creation is done online on the national platform; the hub prepares your file with you.</p>",
        },
        "figures": {
            "fr": [
                ("9", "étapes"),
                ("90 j", "validité du certificat négatif"),
                ("0 DH", "capital minimum d'une SARL"),
            ],
            "ar": [
                ("9", "مراحل"),
                ("90 يوماً", "صلاحية الشهادة السلبية"),
                ("0 درهم", "الحد الأدنى لرأسمال ش.م.م"),
            ],
            "en": [
                ("9", "steps"),
                ("90 days", "negative certificate validity"),
                ("MAD 0", "minimum capital of a SARL"),
            ],
        },
        "steps_heading": _STEPS_HEADING,
        "steps": {
            "fr": [
                ("Certificat négatif", "Réservez le nom de votre société auprès de l'OMPIC."),
                ("Siège social", "Bail ou contrat de domiciliation."),
                ("Statuts", "Rédaction et signature des statuts."),
                ("Immatriculations", "Impôts, registre du commerce et CNSS."),
            ],
            "ar": [
                (
                    "الشهادة السلبية",
                    "احجز اسم شركتك لدى المكتب المغربي للملكية الصناعية والتجارية.",
                ),
                ("المقر الاجتماعي", "عقد كراء أو عقد توطين."),
                ("النظام الأساسي", "تحرير النظام الأساسي وتوقيعه."),
                ("التسجيلات", "الضرائب والسجل التجاري والضمان الاجتماعي."),
            ],
            "en": [
                ("Negative certificate", "Reserve your company name with OMPIC."),
                ("Registered office", "A lease or a domiciliation contract."),
                ("Statutes", "Draft and sign the statutes."),
                ("Registrations", "Tax, trade register and social security."),
            ],
        },
        "faq_heading": _FAQ_HEADING,
        "faq": {
            "fr": [
                ("Combien de temps faut-il ?", "Quelques jours si le dossier est complet."),
                (
                    "Dois-je me déplacer ?",
                    "Non, la procédure est électronique ; le Carré vous reçoit si besoin.",
                ),
            ],
            "ar": [
                ("كم من الوقت يلزم؟", "بضعة أيام إذا كان الملف كاملاً."),
                ("هل يجب أن أتنقل؟", "لا، المسطرة إلكترونية، ويستقبلك المربع عند الحاجة."),
            ],
            "en": [
                ("How long does it take?", "A few days when the file is complete."),
                (
                    "Do I need to travel?",
                    "No, the procedure is electronic; the hub receives you if needed.",
                ),
            ],
        },
        "with_document": True,
        "document_label": {
            "fr": "Télécharger la liste des pièces",
            "ar": "تحميل لائحة الوثائق",
            "en": "Download the checklist",
        },
        "cta": _CTA,
    },
    {
        "slug": {"fr": "certificat-negatif", "ar": "shahada-salbiya", "en": "negative-certificate"},
        "title": {
            "fr": "Obtenir un certificat négatif",
            "ar": "الحصول على الشهادة السلبية",
            "en": "Get a negative certificate",
        },
        "intro": {
            "fr": "Réservez le nom de votre future société avant toute autre démarche.",
            "ar": "احجز اسم شركتك المستقبلية قبل أي إجراء آخر.",
            "en": "Reserve the name of your future company before anything else.",
        },
        "text": {
            "fr": "<p>Proposez jusqu'à trois noms, examinés par ordre de préférence.</p>",
            "ar": "<p>اقترح ما يصل إلى ثلاثة أسماء تُدرس حسب ترتيب الأفضلية.</p>",
            "en": "<p>Propose up to three names, examined in order of preference.</p>",
        },
        "figures": {
            "fr": [
                ("3", "noms proposés au maximum"),
                ("90 j", "de validité"),
                ("15 j", "pour un nouveau dépôt gratuit"),
            ],
            "ar": [
                ("3", "أسماء كحد أقصى"),
                ("90 يوماً", "مدة الصلاحية"),
                ("15 يوماً", "لإيداع جديد مجاني"),
            ],
            "en": [
                ("3", "names at most"),
                ("90 days", "validity"),
                ("15 days", "for a free new filing"),
            ],
        },
        "steps_heading": _STEPS_HEADING,
        "steps": {
            "fr": [
                ("Choisir trois noms", "Distinctifs, sans terme trompeur."),
                ("Déposer la demande", "En ligne auprès de l'OMPIC."),
                ("Recevoir le certificat", "Valable 90 jours."),
            ],
            "ar": [
                ("اختيار ثلاثة أسماء", "مميزة ودون عبارات مضللة."),
                ("إيداع الطلب", "عبر الإنترنت لدى المكتب."),
                ("تسلم الشهادة", "صالحة لمدة 90 يوماً."),
            ],
            "en": [
                ("Choose three names", "Distinctive, with no misleading term."),
                ("File the request", "Online with OMPIC."),
                ("Receive the certificate", "Valid for 90 days."),
            ],
        },
        "faq_heading": _FAQ_HEADING,
        "faq": {
            "fr": [
                (
                    "Le nom est-il protégé comme une marque ?",
                    "Non : vérifiez aussi les marques existantes.",
                )
            ],
            "ar": [("هل الاسم محمي كعلامة تجارية؟", "لا: تحقق أيضاً من العلامات الموجودة.")],
            "en": [
                ("Is the name protected like a trademark?", "No: check existing trademarks too.")
            ],
        },
        "cta": _CTA,
    },
    {
        "slug": {"fr": "deposer-une-marque", "ar": "iida-alama", "en": "file-a-trademark"},
        "title": {"fr": "Déposer une marque", "ar": "إيداع علامة تجارية", "en": "File a trademark"},
        "intro": {
            "fr": "Protégez votre marque pour dix ans, renouvelables.",
            "ar": "احمِ علامتك لمدة عشر سنوات قابلة للتجديد.",
            "en": "Protect your brand for ten years, renewable.",
        },
        "text": {
            "fr": "<p>Le dépôt se fait auprès de l'OMPIC, avec la liste des produits et services classés selon la classification de Nice.</p>",
            "ar": "<p>يتم الإيداع لدى المكتب المغربي للملكية الصناعية والتجارية مع لائحة المنتجات والخدمات حسب تصنيف نيس.</p>",
            "en": "<p>Filing is done with OMPIC, with the list of goods and services grouped in Nice classes.</p>",
        },
        "figures": {
            "fr": [
                ("10 ans", "de protection"),
                ("45", "classes de Nice"),
                ("2 mois", "d'opposition"),
            ],
            "ar": [("10 سنوات", "من الحماية"), ("45", "صنفاً حسب نيس"), ("شهران", "للتعرض")],
            "en": [
                ("10 years", "of protection"),
                ("45", "Nice classes"),
                ("2 months", "for oppositions"),
            ],
        },
        "steps_heading": _STEPS_HEADING,
        "steps": {
            "fr": [
                ("Rechercher l'antériorité", "Vérifiez les marques proches."),
                ("Choisir les classes", "Produits et services visés."),
                ("Déposer et payer", "En ligne, moins cher que sur papier."),
            ],
            "ar": [
                ("البحث عن الأسبقية", "تحقق من العلامات المشابهة."),
                ("اختيار الأصناف", "المنتجات والخدمات المعنية."),
                ("الإيداع والأداء", "عبر الإنترنت بتكلفة أقل."),
            ],
            "en": [
                ("Search prior marks", "Check similar marks."),
                ("Choose the classes", "The goods and services covered."),
                ("File and pay", "Online, cheaper than on paper."),
            ],
        },
        "faq_heading": _FAQ_HEADING,
        "faq": {
            "fr": [
                (
                    "Une recherche garantit-elle l'enregistrement ?",
                    "Non, elle classe les risques ; un conseiller vous aide à les lire.",
                )
            ],
            "ar": [
                ("هل يضمن البحث التسجيل؟", "لا، إنه يرتب المخاطر ويساعدك المستشار على قراءتها.")
            ],
            "en": [
                (
                    "Does a search guarantee registration?",
                    "No, it ranks risks; an advisor helps you read them.",
                )
            ],
        },
        "cta": _CTA,
    },
    {
        "slug": {
            "fr": "lutter-contre-la-contrefacon",
            "ar": "muharabat-taqlid",
            "en": "fight-counterfeiting",
        },
        "title": {
            "fr": "Se protéger contre la contrefaçon",
            "ar": "الحماية من التقليد",
            "en": "Protect yourself against counterfeiting",
        },
        "intro": {
            "fr": "Que faire quand votre marque est copiée ?",
            "ar": "ماذا تفعل عندما تُقلَّد علامتك؟",
            "en": "What to do when your brand is copied?",
        },
        "text": {
            "fr": "<p>La douane, l'OMPIC et la CONPIAC organisent des ateliers de sensibilisation.</p>",
            "ar": "<p>تنظم الجمارك والمكتب واللجنة الوطنية لمحاربة التقليد ورشات تحسيسية.</p>",
            "en": "<p>Customs, OMPIC and CONPIAC run awareness workshops.</p>",
        },
        "figures": {
            "fr": [("1", "marque enregistrée = 1 droit opposable")],
            "ar": [("1", "علامة مسجلة = حق قابل للاحتجاج به")],
            "en": [("1", "registered mark = 1 enforceable right")],
        },
        "steps_heading": _STEPS_HEADING,
        "steps": {
            "fr": [
                ("Enregistrer sa marque", "Sans enregistrement, pas d'action."),
                ("Surveiller", "Marchés, Internet, importations."),
                ("Agir", "Demande d'intervention douanière, action en justice."),
            ],
            "ar": [
                ("تسجيل العلامة", "بدون تسجيل لا يمكن التحرك."),
                ("المراقبة", "الأسواق والإنترنت والواردات."),
                ("التحرك", "طلب تدخل الجمارك أو اللجوء إلى القضاء."),
            ],
            "en": [
                ("Register your mark", "Without registration, no action."),
                ("Watch", "Markets, the Internet, imports."),
                ("Act", "Customs intervention request, court action."),
            ],
        },
        "faq_heading": _FAQ_HEADING,
        "faq": {
            "fr": [
                (
                    "Qui contacter en premier ?",
                    "Votre Carré, qui vous oriente vers la douane ou un avocat.",
                )
            ],
            "ar": [("بمن أتصل أولاً؟", "بمربعك الذي يوجهك إلى الجمارك أو إلى محامٍ.")],
            "en": [
                ("Whom do I contact first?", "Your hub, which directs you to customs or a lawyer.")
            ],
        },
        "cta": _CTA,
    },
    {
        "slug": {"fr": "soutien-a-l-innovation", "ar": "daam-ibtikar", "en": "innovation-support"},
        "title": {"fr": "Soutien à l'innovation", "ar": "دعم الابتكار", "en": "Innovation support"},
        "intro": {
            "fr": "Brevets, dessins et modèles, accompagnement des start-ups.",
            "ar": "براءات الاختراع والرسوم والنماذج ومواكبة المقاولات الناشئة.",
            "en": "Patents, designs and start-up support.",
        },
        "text": {
            "fr": "<p>Les Carrés mettent en valeur les innovations et le savoir-faire de la région.</p>",
            "ar": "<p>تبرز المربعات ابتكارات الجهة ومهاراتها.</p>",
            "en": "<p>Hubs showcase the innovations and know-how of their region.</p>",
        },
        "figures": {
            "fr": [("12", "régions"), ("4", "axes de service")],
            "ar": [("12", "جهة"), ("4", "محاور خدمات")],
            "en": [("12", "regions"), ("4", "service axes")],
        },
        "steps_heading": _STEPS_HEADING,
        "steps": {
            "fr": [
                ("Présenter son idée", "Un conseiller l'évalue avec vous."),
                ("Protéger", "Brevet, dessin ou modèle."),
                ("Se faire connaître", "Salons et vitrines régionales."),
            ],
            "ar": [
                ("عرض الفكرة", "يقيمها معك مستشار."),
                ("الحماية", "براءة اختراع أو رسم أو نموذج."),
                ("التعريف بها", "المعارض والواجهات الجهوية."),
            ],
            "en": [
                ("Present your idea", "An advisor assesses it with you."),
                ("Protect it", "Patent, design or model."),
                ("Make it known", "Fairs and regional showcases."),
            ],
        },
        "faq_heading": _FAQ_HEADING,
        "faq": {
            "fr": [
                (
                    "Le service est-il payant ?",
                    "L'accompagnement du Carré est gratuit ; les taxes officielles restent dues.",
                )
            ],
            "ar": [("هل الخدمة مؤدى عنها؟", "مواكبة المربع مجانية، وتبقى الرسوم الرسمية مستحقة.")],
            "en": [
                ("Is the service charged?", "The hub's support is free; official fees remain due.")
            ],
        },
        "cta": _CTA,
    },
]

EVENTS = [
    {
        "hub": "carre-cst",
        "in_days": 10,
        "hours": 3,
        "capacity": 2,
        "audience": "creators",
        "venue": {
            "fr": "CCIS Casablanca-Settat, salle 2",
            "ar": "غرفة التجارة والصناعة والخدمات للدار البيضاء سطات، القاعة 2",
            "en": "CCIS Casablanca-Settat, room 2",
        },
        "registrants": ["entrepreneur@example.com", "entrepreneur2@example.com"],
        "slug": {
            "fr": "atelier-creation-casablanca",
            "ar": "warsha-insha-casablanca",
            "en": "company-creation-workshop-casablanca",
        },
        "title": {
            "fr": "Atelier : créer sa SARL",
            "ar": "ورشة: إنشاء شركة ذات مسؤولية محدودة",
            "en": "Workshop: set up your SARL",
        },
        "intro": {
            "fr": "Deux heures pour préparer votre dossier de création.",
            "ar": "ساعتان لتحضير ملف الإنشاء.",
            "en": "Two hours to prepare your creation file.",
        },
    },
    {
        "hub": "carre-cst",
        "in_days": -20,
        "hours": 2,
        "capacity": 30,
        "audience": "everyone",
        "venue": {
            "fr": "CCIS Casablanca-Settat",
            "ar": "غرفة التجارة والصناعة والخدمات للدار البيضاء سطات",
            "en": "CCIS Casablanca-Settat",
        },
        "slug": {
            "fr": "seminaire-contrefacon-casablanca",
            "ar": "nadwa-taqlid-casablanca",
            "en": "counterfeiting-seminar-casablanca",
        },
        "title": {
            "fr": "Séminaire : la contrefaçon et vous",
            "ar": "ندوة: التقليد وأنت",
            "en": "Seminar: counterfeiting and you",
        },
        "intro": {
            "fr": "Avec la douane et la CONPIAC.",
            "ar": "بمشاركة الجمارك واللجنة الوطنية لمحاربة التقليد.",
            "en": "With customs and CONPIAC.",
        },
    },
    {
        "hub": "carre-sma",
        "in_days": 15,
        "hours": 4,
        "capacity": 40,
        "audience": "startups",
        "venue": {
            "fr": "CCIS Souss-Massa, Agadir",
            "ar": "غرفة التجارة والصناعة والخدمات لسوس ماسة، أكادير",
            "en": "CCIS Souss-Massa, Agadir",
        },
        "slug": {
            "fr": "atelier-marques-agadir",
            "ar": "warsha-alamat-agadir",
            "en": "trademark-workshop-agadir",
        },
        "title": {
            "fr": "Atelier : déposer sa marque",
            "ar": "ورشة: إيداع العلامة",
            "en": "Workshop: filing your trademark",
        },
        "intro": {
            "fr": "Classes de Nice et recherche d'antériorité.",
            "ar": "أصناف نيس والبحث عن الأسبقية.",
            "en": "Nice classes and prior-mark searches.",
        },
    },
    {
        "hub": None,
        "in_days": 30,
        "hours": 6,
        "capacity": 100,
        "audience": "startups",
        "venue": {"fr": "", "ar": "", "en": ""},
        "online_url": "https://visio.example.ma/caravane",
        "slug": {
            "fr": "caravane-formation-ompic-inpi",
            "ar": "qafila-takwin",
            "en": "training-caravan-ompic-inpi",
        },
        "title": {
            "fr": "Caravane de formation OMPIC – INPI",
            "ar": "قافلة التكوين للمكتب والمعهد الفرنسي",
            "en": "OMPIC – INPI training caravan",
        },
        "intro": {
            "fr": "La propriété industrielle pour les start-ups, en ligne.",
            "ar": "الملكية الصناعية للمقاولات الناشئة عن بعد.",
            "en": "Industrial property for start-ups, online.",
        },
    },
    {
        "hub": None,
        "in_days": -60,
        "hours": 3,
        "capacity": 50,
        "audience": "smes",
        "venue": {"fr": "Rabat", "ar": "الرباط", "en": "Rabat"},
        "slug": {
            "fr": "journee-propriete-industrielle",
            "ar": "yawm-milkiya",
            "en": "industrial-property-day",
        },
        "title": {
            "fr": "Journée de la propriété industrielle",
            "ar": "يوم الملكية الصناعية",
            "en": "Industrial property day",
        },
        "intro": {
            "fr": "Bilan des Carrés pilotes.",
            "ar": "حصيلة المربعات النموذجية.",
            "en": "Review of the pilot hubs.",
        },
    },
]

_NEWS_TOPICS = [
    ("Ouverture du Carré {de_c}", "افتتاح مربع {c}", "The {c} hub opens"),
    (
        "Nouvelle session d'accompagnement à {c}",
        "دورة مواكبة جديدة في {c}",
        "New support session in {c}",
    ),
]
_NEWS_CITIES = ["Casablanca", "Agadir", "Rabat", "Tanger", "Fès", "Oujda"]

NEWS = [
    {
        "slug": {"fr": f"actu-{n + 1}", "ar": f"khabar-{n + 1}", "en": f"news-{n + 1}"},
        "title": {
            "fr": _NEWS_TOPICS[n % 2][0].format(c=city, de_c=de_place(city)),
            "ar": _NEWS_TOPICS[n % 2][1].format(c=SEAT_NAMES_AR.get(city, city)),
            "en": _NEWS_TOPICS[n % 2][2].format(c=SEAT_NAMES_EN.get(city, city)),
        },
        "intro": {
            "fr": f"Les conseillers {de_place(city)} reçoivent les porteurs de projet du lundi au vendredi.",
            "ar": f"يستقبل مستشارو {SEAT_NAMES_AR.get(city, city)} حاملي المشاريع من الاثنين إلى الجمعة.",
            "en": f"Advisors in {SEAT_NAMES_EN.get(city, city)} welcome project owners Monday to Friday.",
        },
    }
    for n, city in enumerate(_NEWS_CITIES * 2)
]

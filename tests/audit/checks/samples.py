"""Real Kazakh and Russian text of the kind agency sites publish, for the language
checks' thresholds: each passage with the language it is written in."""

KAZAKH = [
    "Қазақстан Республикасының азаматтары мемлекеттік қызметтерді электрондық үкімет "
    "порталы арқылы ала алады.",
    "Жеке тұлғаларды қабылдау кестесі: дүйсенбі мен жұма аралығында сағат 9:00-ден "
    "18:00-ге дейін.",
    "Әкімдік ғимаратына кіру тегін. Мүмкіндігі шектеулі азаматтар үшін пандус пен "
    "лифт бар, ал кіреберісте көмекші жұмыс істейді.",
    "Өтінішті қағаз түрінде немесе онлайн беруге болады. Құжаттарды тексеру бес жұмыс "
    "күніне дейін созылады, нәтижесі туралы сізге хабарлама келеді.",
    "Бұл бетте облыс тұрғындарына арналған әлеуметтік көмек түрлері туралы ақпарат "
    "берілген.",
    "Мемлекеттік корпорацияның бөлімдері сенбі күні де жұмыс істейді.",
]
RUSSIAN = [
    "Граждане Республики Казахстан могут получить государственные услуги через портал "
    "электронного правительства.",
    "График приёма физических лиц: с понедельника по пятницу с 9:00 до 18:00.",
    "Вход в здание акимата свободный. Для людей с ограниченными возможностями есть "
    "пандус и лифт, а у входа работает помощник.",
    "Заявление можно подать в бумажном виде или онлайн. Проверка документов занимает "
    "до пяти рабочих дней, о результате вам придёт уведомление.",
    "На этой странице собраны сведения о видах социальной помощи жителям области.",
    "Отделения Государственной корпорации работают и в субботу.",
]
# Russian text naming Kazakh places and bodies: still Russian, never Kazakh.
RUSSIAN_WITH_NAMES = [
    "Акимат города Өскемен и Қарағанды областной центр занятости проводят ярмарку "
    "вакансий.",
    "Приём ведётся в здании «Халыққа қызмет көрсету орталығы» на улице Абая, 12.",
    "Нур-Султан, Шымкент и Түркістан вошли в число городов, где открыты новые центры.",
]
# Too short to tell: names, labels, dates.
UNDECIDED = ["Өскемен, 2024", "Қазақша", "Русский", "Басты бет", "Главная страница",
             "Тел.: +7 (7172) 74-01-01", "Абай Құнанбайұлы"]
# Other languages, for the identifier: public-service text as agencies write it.
ENGLISH = [
    "Citizens can apply for most public services online, and the office is open for "
    "visitors from Monday to Friday.",
    "The building has a ramp and a lift, and an assistant at the entrance helps visitors "
    "who need it.",
]
FRENCH = [
    "Les citoyens peuvent demander la plupart des services publics en ligne, et le bureau "
    "est ouvert du lundi au vendredi.",
    "Le bâtiment dispose d'une rampe et d'un ascenseur, et un agent à l'entrée aide les "
    "visiteurs qui en ont besoin.",
]
DUTCH = [
    "Inwoners kunnen de meeste diensten van de gemeente online aanvragen, en het kantoor "
    "is open van maandag tot en met vrijdag.",
    "Het gebouw heeft een hellingbaan en een lift, en bij de ingang helpt een medewerker "
    "bezoekers die dat nodig hebben.",
]

// The floors of the source tree (README, "Architecture"): every include names the floor it reaches, no include
// climbs to a floor above its own, and no two units include each other, directly or round a loop. Checked on
// the tree itself, and on copies of it with a planted climb, loop and bare include, so that the check is seen
// to fail.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

namespace {

// A part of the tree whose folders are floors, lowest first. A file may include its own floor and the floors
// below it, and the floors of the parts it builds on (the window builds on the core).
struct Part
{
    QString root; // relative to the source tree; the part's include directory
    QStringList floors;
    QStringList below; // parts whose floors a file of this one may reach
};

const QVector<Part>& parts()
{
    static const QVector<Part> all = {
        {QStringLiteral("app/core"),
         {QStringLiteral("support"), QStringLiteral("rules"), QStringLiteral("model"), QStringLiteral("words"),
          QStringLiteral("formats"), QStringLiteral("keys"), QStringLiteral("ledger"), QStringLiteral("services")},
         {}},
        {QStringLiteral("ui"),
         {QStringLiteral("widgets"), QStringLiteral("session"), QStringLiteral("sections"), QStringLiteral("window")},
         {QStringLiteral("app/core")}},
        // The command line is one room: its own headers by bare name, the core by floor.
        {QStringLiteral("app/cli"), {QString()}, {QStringLiteral("app/core")}},
    };
    return all;
}

struct Include
{
    QString file; // relative to the source tree
    int line = 0;
    QString target; // as written
};

QVector<Include> includesOf(const QString& tree, const QString& file)
{
    static const QRegularExpression quoted(QStringLiteral(R"re(^\s*#\s*include\s*"([^"]+)")re"));
    QVector<Include> found;
    QFile f(tree + QLatin1Char('/') + file);
    if (!f.open(QIODevice::ReadOnly))
        return found;
    int line = 0;
    while (!f.atEnd()) {
        ++line;
        const auto m = quoted.match(QString::fromUtf8(f.readLine()));
        if (m.hasMatch())
            found.append({file, line, m.captured(1)});
    }
    return found;
}

QStringList sourcesOf(const QString& tree, const QString& root)
{
    QStringList files;
    QDirIterator it(tree + QLatin1Char('/') + root, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(tree).relativeFilePath(it.next());
    files.sort();
    return files;
}

// The floor of `path` (relative to its part's root): its first folder, or "" for a file at the root.
QString floorOf(const QString& relative)
{
    const int slash = relative.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : relative.left(slash);
}

// A unit is a header and its source: "ledger/Database" for ledger/Database.h and ledger/Database.cpp.
QString unitOf(const QString& path)
{
    return path.left(path.lastIndexOf(QLatin1Char('.')));
}

// What is wrong with the tree at `tree`: one line per include that names no floor, climbs, or reaches a part
// it may not, and one per loop of units.
QStringList problems(const QString& tree)
{
    QStringList found;
    QHash<QString, QSet<QString>> edges; // unit -> units it includes
    for (const Part& part : parts()) {
        for (const QString& file : sourcesOf(tree, part.root)) {
            const QString own = file.mid(part.root.size() + 1);
            const int ownFloor = part.floors.indexOf(floorOf(own));
            if (ownFloor < 0) {
                found << QStringLiteral("%1: outside the floors of %2").arg(file, part.root);
                continue;
            }
            for (const Include& inc : includesOf(tree, file)) {
                const QString where = QStringLiteral("%1:%2: \"%3\"").arg(inc.file).arg(inc.line).arg(inc.target);
                // Which part the include resolves in: this one, or one it builds on.
                const Part* reached = nullptr;
                for (const Part& p : parts())
                    if ((&p == &part || part.below.contains(p.root)) &&
                        QFileInfo::exists(tree + QLatin1Char('/') + p.root + QLatin1Char('/') + inc.target))
                        reached = &p;
                if (!reached) {
                    bool elsewhere = false;
                    for (const Part& p : parts())
                        elsewhere |=
                            QFileInfo::exists(tree + QLatin1Char('/') + p.root + QLatin1Char('/') + inc.target);
                    found << (elsewhere ? QStringLiteral("%1 reaches a part %2 does not build on").arg(where, part.root)
                                        : QStringLiteral("%1 names no floor of the include directories").arg(where));
                    continue;
                }
                if (reached == &part) {
                    const int floor = part.floors.indexOf(floorOf(inc.target));
                    if (floor < 0) {
                        found << QStringLiteral("%1 names no floor").arg(where);
                        continue;
                    }
                    if (floor > ownFloor)
                        found << QStringLiteral("%1 climbs from %2 to %3")
                                     .arg(where, part.floors.at(ownFloor), part.floors.at(floor));
                }
                const QString from = unitOf(file);
                const QString to = unitOf(reached->root + QLatin1Char('/') + inc.target);
                if (from != to)
                    edges[from].insert(to);
            }
        }
    }

    // Loops of units: Tarjan's strongly connected components, each of more than one unit is a loop.
    QHash<QString, int> index, low;
    QStringList stack;
    QSet<QString> onStack;
    int next = 0;
    std::function<void(const QString&)> visit = [&](const QString& v) {
        index[v] = low[v] = next++;
        stack << v;
        onStack.insert(v);
        QStringList targets = edges.value(v).values();
        targets.sort();
        for (const QString& w : targets) {
            if (!index.contains(w)) {
                visit(w);
                low[v] = qMin(low[v], low[w]);
            } else if (onStack.contains(w)) {
                low[v] = qMin(low[v], index[w]);
            }
        }
        if (low[v] == index[v]) {
            QStringList loop;
            QString w;
            do {
                w = stack.takeLast();
                onStack.remove(w);
                loop << w;
            } while (w != v);
            if (loop.size() > 1) {
                loop.sort();
                found << QStringLiteral("a loop of units: %1").arg(loop.join(QStringLiteral(", ")));
            }
        }
    };
    QStringList units = edges.keys();
    units.sort();
    for (const QString& u : units)
        if (!index.contains(u))
            visit(u);
    return found;
}

// Lines of code that name a provider of the catalog in a string of their own ("anthropic", "OpenAI"): code asks
// the catalog for what a provider is, so only the catalog's loader may read such a name.
QStringList providerNames(const QString& tree)
{
    QFile catalog(tree + QStringLiteral("/resources/catalog.json"));
    if (!catalog.open(QIODevice::ReadOnly))
        return {QStringLiteral("resources/catalog.json cannot be read")};
    QStringList names;
    for (const QJsonValue& p : QJsonDocument::fromJson(catalog.readAll())[QStringLiteral("providers")].toArray())
        names << p[QStringLiteral("id")].toString() << p[QStringLiteral("name")].toString();
    QStringList found;
    for (const Part& part : parts())
        for (const QString& file : sourcesOf(tree, part.root)) {
            if (file == QLatin1String("app/core/rules/Catalog.cpp"))
                continue;
            QFile f(tree + QLatin1Char('/') + file);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            int line = 0;
            while (!f.atEnd()) {
                ++line;
                const QString text = QString::fromUtf8(f.readLine());
                if (text.trimmed().startsWith(QLatin1String("//")))
                    continue;
                for (const QString& name : names)
                    if (text.contains(QLatin1Char('"') + name + QLatin1Char('"')))
                        found << QStringLiteral("%1:%2: names the provider \"%3\"").arg(file).arg(line).arg(name);
            }
        }
    return found;
}

// A copy of the source tree's parts in a temporary folder, to plant a fault in.
bool copyParts(const QString& to)
{
    if (!QDir().mkpath(to + QStringLiteral("/resources")) ||
        !QFile::copy(QStringLiteral(AI_SETTINGS_SOURCE_DIR "/resources/catalog.json"),
                     to + QStringLiteral("/resources/catalog.json")))
        return false;
    for (const Part& part : parts())
        for (const QString& file : sourcesOf(QStringLiteral(AI_SETTINGS_SOURCE_DIR), part.root)) {
            const QString target = to + QLatin1Char('/') + file;
            if (!QDir().mkpath(QFileInfo(target).path()) ||
                !QFile::copy(QStringLiteral(AI_SETTINGS_SOURCE_DIR "/") + file, target))
                return false;
        }
    return true;
}

bool plant(const QString& tree, const QString& file, const QByteArray& line)
{
    QFile f(tree + QLatin1Char('/') + file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QByteArray text = f.readAll();
    f.close();
    const int at = text.indexOf("#include");
    text.insert(at < 0 ? 0 : at, line + '\n');
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

} // namespace

class TestFloors : public QObject
{
    Q_OBJECT

private slots:
    void theTreeKeepsItsFloors()
    {
        const QStringList found = problems(QStringLiteral(AI_SETTINGS_SOURCE_DIR));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        // The check read the tree: the core's sources are there to be checked.
        QVERIFY(sourcesOf(QStringLiteral(AI_SETTINGS_SOURCE_DIR), QStringLiteral("app/core")).size() > 50);
    }

    void noCodeNamesAProvider()
    {
        const QStringList found = providerNames(QStringLiteral(AI_SETTINGS_SOURCE_DIR));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void aPlantedProviderNameIsFound()
    {
        QTemporaryDir tree;
        QVERIFY(tree.isValid());
        QVERIFY(copyParts(tree.path()));
        QVERIFY(providerNames(tree.path()).isEmpty());
        QVERIFY(
            plant(tree.path(), QStringLiteral("ui/sections/KeyField.cpp"),
                  QByteArray("static bool isOpenAi(const QString& id) { return id == QLatin1String(\"openai\"); }")));
        const QStringList found = providerNames(tree.path());
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.first().startsWith(QLatin1String("ui/sections/KeyField.cpp:")) &&
                     found.first().endsWith(QLatin1String("names the provider \"openai\"")),
                 qPrintable(found.first()));
    }

    void aPlantedFaultIsFound_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a rule climbs to a service")
            << QStringLiteral("app/core/rules/Catalog.h") << QByteArray("#include \"services/KeyService.h\"")
            << QStringLiteral("climbs from rules to services");
        QTest::newRow("a word climbs to the ledger")
            << QStringLiteral("app/core/words/UsageSentences.cpp") << QByteArray("#include \"ledger/Ledger.h\"")
            << QStringLiteral("climbs from words to ledger");
        QTest::newRow("a widget climbs to a section")
            << QStringLiteral("ui/widgets/StatusBadge.cpp") << QByteArray("#include \"sections/PlanPanel.h\"")
            << QStringLiteral("climbs from widgets to sections");
        QTest::newRow("the core reaches the window")
            << QStringLiteral("app/core/ledger/Ledger.cpp") << QByteArray("#include \"window/MainWindow.h\"")
            << QStringLiteral("reaches a part app/core does not build on");
        QTest::newRow("a bare name") << QStringLiteral("app/core/ledger/Ledger.cpp")
                                     << QByteArray("#include \"Database.h\"")
                                     << QStringLiteral("names no floor of the include directories");
        QTest::newRow("a loop on one floor")
            << QStringLiteral("app/core/ledger/SqlSupport.h") << QByteArray("#include \"ledger/Database.h\"")
            << QStringLiteral("a loop of units: ");
    }

    void aPlantedFaultIsFound()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, line);
        QFETCH(QString, expected);
        QTemporaryDir tree;
        QVERIFY(tree.isValid());
        QVERIFY(copyParts(tree.path()));
        QVERIFY2(problems(tree.path()).isEmpty(), "the copy is as clean as the tree");
        QVERIFY(plant(tree.path(), file, line));
        // A climb usually closes a loop as well (the floor above includes the one below): the climb is named.
        const QStringList found = problems(tree.path());
        const QStringList named = found.filter(expected);
        QVERIFY2(named.size() == 1, qPrintable(found.join(QLatin1Char('\n'))));
        if (!expected.startsWith(QLatin1String("a loop")))
            QVERIFY2(named.first().startsWith(file + QLatin1Char(':')), qPrintable(named.first()));
        else
            QVERIFY2(named.first().contains(QLatin1String("ledger/Database")) &&
                         named.first().contains(QLatin1String("ledger/SqlSupport")),
                     qPrintable(named.first()));
    }
};

QTEST_GUILESS_MAIN(TestFloors)
#include "tst_floors.moc"

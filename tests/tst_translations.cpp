#include "TestSupport.h"

#include "rules/Roles.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QXmlStreamReader>

// The translations are complete: every source text has a translation in every .ts file, with the same
// placeholders, every text of the built-in catalog is among them, and no source text is missing from the files.
// English, the source language, has a file of its plural forms alone ("%Ln credit(s)" -> "1 credit").
class TestTranslations : public QObject
{
    Q_OBJECT

    struct Message
    {
        QString context, source, translation;
        bool finished = false;
        bool plural = false;
    };

    static bool isPluralsFile(const QString& path) { return path.endsWith(QLatin1String("_en.ts")); }

    static QVector<Message> read(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        QXmlStreamReader xml(&file);
        QVector<Message> messages;
        QString context;
        Message m;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message"))
                m = Message{
                    context, {}, {}, false, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
            else if (xml.name() == QLatin1String("source"))
                m.source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                m.finished = type.isEmpty();
                m.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                messages.append(m);
            }
        }
        if (xml.hasError())
            qFatal("%s is not valid: %s", qPrintable(path), qPrintable(xml.errorString()));
        return messages;
    }

    static QStringList placeholders(const QString& text)
    {
        static const QRegularExpression marker(QStringLiteral("%L?[\\dn]"));
        QStringList found;
        for (auto it = marker.globalMatch(text); it.hasNext();)
            found << it.next().captured().remove(QLatin1Char('L'));
        found.sort();
        return found;
    }

    static QStringList tsFiles()
    {
        QStringList files;
        QDirIterator it(QStringLiteral(AI_SETTINGS_TRANSLATIONS_DIR), {QStringLiteral("*.ts")});
        while (it.hasNext())
            files << it.next();
        return files;
    }

private slots:
    void everySourceTextIsTranslated()
    {
        QVERIFY(!tsFiles().isEmpty());
        for (const QString& path : tsFiles()) {
            const QVector<Message> messages = read(path);
            QVERIFY2(messages.size() > (isPluralsFile(path) ? 5 : 250), qPrintable(path));
            for (const Message& m : messages) {
                const QString where = QStringLiteral("%1: [%2] %3").arg(path, m.context, m.source);
                QVERIFY2(m.finished && !m.translation.trimmed().isEmpty(),
                         qPrintable(where + QStringLiteral(" has no translation")));
                QVERIFY2(!isPluralsFile(path) || m.plural, qPrintable(where + QStringLiteral(" is not a plural text")));
                // Each plural form keeps the source's placeholders; the forms are read as one text here.
                if (!m.plural)
                    QCOMPARE(placeholders(m.translation), placeholders(m.source));
                else
                    for (const QString& p : placeholders(m.source))
                        QVERIFY2(placeholders(m.translation).contains(p),
                                 qPrintable(where + QStringLiteral(" lacks ") + p));
            }
        }
    }

    void everyCatalogTextIsTranslatable()
    {
        QStringList catalogTexts;
        for (const QString& path : tsFiles())
            for (const Message& m : read(path))
                if (m.context == QLatin1String("Catalog"))
                    catalogTexts << m.source;
        const Catalog& c = TestSupport::catalog();
        QStringList texts;
        for (const Action& a : c.actions())
            texts << a.name << a.description;
        for (const Slot& s : c.modelSlots())
            texts << s.name;
        for (const Model& m : c.models())
            texts << m.note;
        for (const Plan& p : c.plans())
            texts << p.typicalNote;
        for (const QString& t : texts)
            if (!t.isEmpty())
                QVERIFY2(catalogTexts.contains(t),
                         qPrintable(t + QStringLiteral(" is missing from app/core/words/CatalogWords.cpp")));
    }

    // German keeps its nouns inside a sentence and has words of its own for the roles; English lower-cases an
    // action's name inside a sentence.
    void namesReadRightInsideASentence()
    {
        QCOMPARE(inSentence(QStringLiteral("Theme generation")), QStringLiteral("theme generation"));
        QCOMPARE(roleLabel(Role::Owner), QStringLiteral("Owner"));
        Translations::install(QLocale(QLocale::German, QLocale::Germany));
        const QString theme = inSentence(QStringLiteral("Theme generation"));
        const QString owner = roleLabel(Role::Owner), viewer = roleWithArticle(Role::Viewer);
        TestSupport::speakEnglish();
        QCOMPARE(theme, QStringLiteral("Theme-Erstellung"));
        QCOMPARE(owner, QStringLiteral("Inhaber"));
        QCOMPARE(viewer, QStringLiteral("ein Betrachter"));
    }

    // A refusal, a usage error or a bad line's reason is a sentence for the user, so it goes through tr(): none
    // is written as a bare literal, which lupdate would never see.
    void noRefusalIsWrittenUntranslated()
    {
        static const QRegularExpression bare(QStringLiteral("\\b(refused|badInput|unavailable|usageError|lineFailure|"
                                                            "LineError)[({]\\s*(\\{?[^,;(]*,\\s*)?QStringLiteral\\("));
        QStringList found;
        for (const char* folder : {AI_SETTINGS_SOURCE_DIR "/app", AI_SETTINGS_SOURCE_DIR "/ui"}) {
            QDirIterator it(QString::fromUtf8(folder), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(file.readAll());
                for (auto m = bare.globalMatch(text); m.hasNext();) {
                    const auto match = m.next();
                    found << QStringLiteral("%1:%2")
                                 .arg(file.fileName())
                                 .arg(text.left(match.capturedStart()).count(QLatin1Char('\n')) + 1);
                }
            }
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral(", "))));
    }

    // lupdate over the sources finds nothing the files do not have: a new tr() without a translation fails here.
    void theFilesHoldEverySourceText()
    {
        for (const QString& path : tsFiles()) {
            QTemporaryDir dir;
            const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
            QVERIFY(QFile::copy(path, fresh));
            QFile::setPermissions(fresh, QFile::ReadOwner | QFile::WriteOwner);
            QProcess lupdate;
            lupdate.setProcessChannelMode(QProcess::MergedChannels);
            lupdate.start(QStringLiteral(AI_SETTINGS_LUPDATE),
                          QStringList{QStringLiteral("-recursive"), QStringLiteral(AI_SETTINGS_SOURCE_DIR "/app"),
                                      QStringLiteral(AI_SETTINGS_SOURCE_DIR "/ui"), QStringLiteral("-no-obsolete"),
                                      QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-ts"),
                                      fresh} +
                              (isPluralsFile(path) ? QStringList{QStringLiteral("-pluralonly")} : QStringList{}));
            QVERIFY(lupdate.waitForFinished(120000));
            QCOMPARE(lupdate.exitCode(), 0);
            const auto key = [](const Message& m) { return m.context + QLatin1Char('\x1f') + m.source; };
            QSet<QString> committed, found;
            for (const Message& m : read(path))
                committed.insert(key(m));
            for (const Message& m : read(fresh))
                found.insert(key(m));
            QStringList missing;
            for (const QString& k : found - committed)
                missing << k;
            QVERIFY2(
                missing.isEmpty(),
                qPrintable(QStringLiteral("run `cmake --build build --target update_translations` and translate: ") +
                           missing.join(QStringLiteral("; "))));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

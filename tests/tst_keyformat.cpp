#include "TestSupport.h"

#include "rules/KeyFormat.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

class TestKeyFormat : public QObject
{
    Q_OBJECT

private:
    // The built-in catalog with a third provider, as an install would add one: a catalog entry, no code.
    static const Catalog& catalog()
    {
        static const Catalog c = [] {
            (void)Catalog::builtIn(); // loads the program's resources
            QFile f(QStringLiteral(":/ai-settings/catalog.json"));
            f.open(QIODevice::ReadOnly);
            QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
            QJsonArray providers = root[QStringLiteral("providers")].toArray();
            providers.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("mistral-like")},
                                         {QStringLiteral("name"), QStringLiteral("Mistral-like")},
                                         {QStringLiteral("family"), QStringLiteral("Mistral-like")},
                                         {QStringLiteral("console"), QStringLiteral("https://console.example")},
                                         {QStringLiteral("keyPrefix"), QStringLiteral("mk-")},
                                         {QStringLiteral("adminKeyPrefixes"), QJsonArray{QStringLiteral("mk-admin-")}},
                                         {QStringLiteral("protocol"), QStringLiteral("openai")},
                                         {QStringLiteral("baseUrl"), QStringLiteral("https://api.example")},
                                         {QStringLiteral("baseUrlVariable"), QString()},
                                         {QStringLiteral("modelsPath"), QStringLiteral("/v1/models")}});
            root[QStringLiteral("providers")] = providers;
            return Catalog::fromJson(QJsonDocument(root).toJson()).value();
        }();
        return c;
    }
    static QString anthropicKey()
    {
        return QStringLiteral("sk-ant-api03-") + QString(93, QLatin1Char('a')) + QStringLiteral("wxyz");
    }
    static QString openAiKey()
    {
        return QStringLiteral("sk-proj-") + QString(40, QLatin1Char('B')) + QStringLiteral("9_-Z");
    }

private slots:
    void init() { TestSupport::failOnAnyWarning(); }

    void checks_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("expected"); // the accepted key, or the start of the refusal
        QTest::addColumn<bool>("accepted");
        const QString a = anthropicKey(), o = openAiKey();
        QTest::newRow("anthropic") << "anthropic" << a << a << true;
        QTest::newRow("anthropic, pasted with spaces and newline")
            << "anthropic" << QStringLiteral("  %1\r\n").arg(a) << a << true;
        QTest::newRow("openai project key") << "openai" << o << o << true;
        QTest::newRow("openai legacy key") << "openai" << QStringLiteral("sk-") + QString(48, QLatin1Char('x'))
                                           << QStringLiteral("sk-") + QString(48, QLatin1Char('x')) << true;
        QTest::newRow("anthropic key in openai field")
            << "openai" << a
            << "This key is for Anthropic (sk-ant-…); enter it in the Anthropic field, not the OpenAI one." << false;
        QTest::newRow("openai key in anthropic field")
            << "anthropic" << o
            << "This looks like a key for OpenAI (sk-…); enter it in the OpenAI field, not the Anthropic one." << false;
        QTest::newRow("empty") << "anthropic"
                               << "  \n"
                               << "The Anthropic API key is empty." << false;
        QTest::newRow("no prefix") << "openai" << QString(40, QLatin1Char('k')) << "OpenAI API keys start with \"sk-\"."
                                   << false;
        QTest::newRow("space inside") << "anthropic"
                                      << QStringLiteral("sk-ant-api03-abc def") + QString(40, QLatin1Char('q'))
                                      << "The Anthropic API key may hold only" << false;
        QTest::newRow("quote pasted with it")
            << "openai" << QStringLiteral("\"%1\"").arg(o) << "OpenAI API keys start with" << false;
        QTest::newRow("non-ascii") << "openai" << QStringLiteral("sk-") + QString(30, QChar(0x00E9))
                                   << "The OpenAI API key may hold only" << false;
        QTest::newRow("truncated") << "anthropic"
                                   << "sk-ant-api03-abc"
                                   << "The Anthropic API key is 16 characters long" << false;
        QTest::newRow("far too long") << "openai" << QStringLiteral("sk-") + QString(600, QLatin1Char('x'))
                                      << "The OpenAI API key is 603 characters long" << false;
        // Every inference key shape the providers issue; admin keys cannot run AI actions.
        QTest::newRow("openai service account key")
            << "openai" << QStringLiteral("sk-svcacct-") + QString(60, QLatin1Char('s'))
            << QStringLiteral("sk-svcacct-") + QString(60, QLatin1Char('s')) << true;
        QTest::newRow("anthropic admin key")
            << "anthropic" << QStringLiteral("sk-ant-admin01-") + QString(80, QLatin1Char('m'))
            << "This is an Admin key of Anthropic, which manages an organisation but cannot run AI actions; create an "
               "API "
               "key at console.anthropic.com"
            << false;
        QTest::newRow("openai admin key") << "openai" << QStringLiteral("sk-admin-") + QString(80, QLatin1Char('m'))
                                          << "This is an Admin key of OpenAI, which manages an organisation but cannot "
                                             "run AI actions; create an API key at platform.openai.com"
                                          << false;
        QTest::newRow("unknown provider")
            << "mistral" << a << "Unknown provider \"mistral\"; expected anthropic, openai or mistral-like." << false;
        // A third provider is a catalog entry: its keys are told apart by its prefix, its admin keys refused.
        QTest::newRow("a catalog's third provider")
            << "mistral-like" << QStringLiteral("mk-") + QString(40, QLatin1Char('m'))
            << QStringLiteral("mk-") + QString(40, QLatin1Char('m')) << true;
        QTest::newRow("its key in the openai field")
            << "openai" << QStringLiteral("mk-") + QString(40, QLatin1Char('m'))
            << "This looks like a key for Mistral-like (mk-…); enter it in the Mistral-like field, not the OpenAI one."
            << false;
        QTest::newRow("its admin key") << "mistral-like" << QStringLiteral("mk-admin-") + QString(40, QLatin1Char('m'))
                                       << "This is an Admin key of Mistral-like, which manages an organisation"
                                       << false;
    }

    void checks()
    {
        QFETCH(QString, provider);
        QFETCH(QString, raw);
        QFETCH(QString, expected);
        QFETCH(bool, accepted);
        const auto result = KeyFormat::check(catalog(), provider, raw);
        QCOMPARE(result.ok(), accepted);
        if (accepted) {
            QCOMPARE(result.value(), expected);
            return;
        }
        QCOMPARE(result.failure().kind, Failure::BadInput);
        QVERIFY2(result.failure().message.startsWith(expected), qPrintable(result.failure().message));
        // A refusal never repeats the key, nor any 8 characters of it.
        const QString key = raw.trimmed();
        for (int i = 0; i + 8 <= key.size(); ++i)
            QVERIFY2(!result.failure().message.contains(key.mid(i, 8)) ||
                         key.mid(i, 8).startsWith(QStringLiteral("sk-")),
                     qPrintable(result.failure().message));
    }

    void maskAndFingerprint()
    {
        QCOMPARE(KeyFormat::fingerprint(anthropicKey()), QStringLiteral("wxyz"));
        QCOMPARE(KeyFormat::masked(*catalog().provider(u"anthropic"), QStringLiteral("wxyz")),
                 QStringLiteral("sk-ant-••••••••wxyz"));
        QCOMPARE(KeyFormat::masked(*catalog().provider(u"openai"), QStringLiteral("9_-Z")),
                 QStringLiteral("sk-••••••••9_-Z"));
    }
};

QTEST_APPLESS_MAIN(TestKeyFormat)
#include "tst_keyformat.moc"

#include "TestSupport.h"

#include "rules/KeyFormat.h"

class TestKeyFormat : public QObject
{
    Q_OBJECT

private:
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
            << "openai" << a << "This is an Anthropic key (sk-ant-…); enter it in the Anthropic field" << false;
        QTest::newRow("openai key in anthropic field")
            << "anthropic" << o << "This looks like an OpenAI key (sk-…); enter it in the OpenAI field" << false;
        QTest::newRow("empty") << "anthropic"
                               << "  \n"
                               << "The Anthropic API key is empty." << false;
        QTest::newRow("no prefix") << "openai" << QString(40, QLatin1Char('k'))
                                   << "An OpenAI API key starts with \"sk-\"." << false;
        QTest::newRow("space inside") << "anthropic"
                                      << QStringLiteral("sk-ant-api03-abc def") + QString(40, QLatin1Char('q'))
                                      << "The Anthropic API key may hold only" << false;
        QTest::newRow("quote pasted with it")
            << "openai" << QStringLiteral("\"%1\"").arg(o) << "An OpenAI API key starts with" << false;
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
            << "This is an Anthropic Admin key, which manages an organisation but cannot run AI actions; create an API "
               "key at console.anthropic.com"
            << false;
        QTest::newRow("openai admin key") << "openai" << QStringLiteral("sk-admin-") + QString(80, QLatin1Char('m'))
                                          << "This is an OpenAI Admin key, which manages an organisation but cannot "
                                             "run AI actions; create an API key at platform.openai.com"
                                          << false;
        QTest::newRow("unknown provider") << "mistral" << a << "Unknown provider \"mistral\"" << false;
    }

    void checks()
    {
        QFETCH(QString, provider);
        QFETCH(QString, raw);
        QFETCH(QString, expected);
        QFETCH(bool, accepted);
        const auto result = KeyFormat::check(provider, raw);
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
        QCOMPARE(KeyFormat::masked(QStringLiteral("anthropic"), QStringLiteral("wxyz")),
                 QStringLiteral("sk-ant-••••••••wxyz"));
        QCOMPARE(KeyFormat::masked(QStringLiteral("openai"), QStringLiteral("9_-Z")),
                 QStringLiteral("sk-••••••••9_-Z"));
    }
};

QTEST_APPLESS_MAIN(TestKeyFormat)
#include "tst_keyformat.moc"

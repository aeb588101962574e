#include "TestSupport.h"

#include "Environment.h"
#include "FakeProvider.h"
#include "IsoTime.h"
#include "PrivateBus.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

using TestSupport::Run;
using TestSupport::runCli;

// `ai-settings keys` end to end: the real executable, the real Secret Service started by scripts/run-tests.sh
// (gnome-keyring in a private D-Bus session), and a loopback server answering like the providers.
class TestKeys : public QObject
{
    Q_OBJECT

private:
    const QByteArray anthropicKey = "sk-ant-api03-" + QByteArray(70, 'K') + "Zq7_wxyz";
    const QByteArray openAiKey = "sk-proj-" + QByteArray(40, 'Q') + "Ab9-abcd";
    const QByteArray replacementKey = "sk-ant-api03-" + QByteArray(70, 'R') + "Xy8_rpl9";
    const QByteArray models = R"({"data":[{"id":"claude-sonnet-4-6"},{"id":"claude-opus-4-6"}],"has_more":false})";

    QTemporaryDir m_dir;
    QString m_db;
    int m_dbCount = 0;
    FakeProvider m_provider;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("ANTHROPIC_BASE_URL"), m_provider.baseUrl().toString());
        e.insert(QStringLiteral("OPENAI_BASE_URL"), m_provider.baseUrl().toString());
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        return e;
    }

    Run cli(const QStringList& args, const QByteArray& input = {}, const QProcessEnvironment& environment = {})
    {
        return runCli(QStringList{QStringLiteral("--db"), m_db} + args, input,
                      environment.isEmpty() ? env() : environment);
    }

    static QStringList words(const char* text) { return QString::fromLatin1(text).split(QLatin1Char(' ')); }

    QJsonObject status(const QString& provider, const QString& tenant = {})
    {
        QStringList args = words("keys status --json");
        if (!tenant.isEmpty())
            args << QStringLiteral("--tenant") << tenant;
        const Run r = cli(args);
        if (r.exitCode != 0)
            qFatal("keys status failed: %s", r.err.constData());
        for (const QJsonValue& row : QJsonDocument::fromJson(r.out).array())
            if (row[QStringLiteral("provider")].toString() == provider)
                return row.toObject();
        qFatal("no status row for %s", qPrintable(provider));
    }

    QString installId()
    {
        auto ledger = TestSupport::openLedger(m_db, Environment::currentUserName());
        return ledger->settings().current()->installId;
    }

    // The keychain as other programs see it: secret-tool looks the entry up by QtKeychain's attributes.
    QByteArray keychainLookup(const QString& account)
    {
        QProcess p;
        p.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                                 QStringLiteral("ai-settings"), QStringLiteral("user"), account});
        if (!p.waitForFinished(15000))
            qFatal("secret-tool did not finish");
        return p.readAllStandardOutput();
    }
    QByteArray keychainSearch()
    {
        QProcess p;
        p.start(QStringLiteral("secret-tool"), {QStringLiteral("search"), QStringLiteral("--all"),
                                                 QStringLiteral("server"), QStringLiteral("ai-settings")});
        if (!p.waitForFinished(15000))
            qFatal("secret-tool did not finish");
        return p.readAllStandardOutput() + p.readAllStandardError();
    }
    QString account(const QString& tenant, const char* provider)
    {
        return installId() + (tenant.isEmpty() ? QStringLiteral("/install/") : QStringLiteral("/tenant/") + tenant + QLatin1Char('/'))
            + QLatin1String(provider);
    }

    // The `keys status --json` row of a tenant's own stored key (the row of the key in force comes first).
    QJsonObject tenantRow(const QString& provider, const QString& tenant)
    {
        const Run r = cli({QStringLiteral("keys"), QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--tenant"), tenant});
        for (const QJsonValue& row : QJsonDocument::fromJson(r.out).array())
            if (row[QStringLiteral("provider")].toString() == provider && row[QStringLiteral("scope")].toString() == QLatin1String("tenant")
                && !row[QStringLiteral("fingerprint")].isNull())
                return row.toObject();
        return {};
    }

    // The audit trail's lines about one provider's keys, oldest first.
    QStringList keyAudit(const char* provider)
    {
        QStringList lines;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit"));
            db.setDatabaseName(m_db);
            if (!db.open())
                qFatal("cannot open the database");
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT change FROM audit_log WHERE subject = 'key.%1' ORDER BY rowid").arg(QLatin1String(provider)));
            while (q.next())
                lines << q.value(0).toString();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("audit"));
        return lines;
    }

    QJsonObject actionRow(const QString& action)
    {
        const Run r = cli(words("report --json"));
        for (const QJsonValue& row : QJsonDocument::fromJson(r.out)[QStringLiteral("by_action")].toArray())
            if (row[QStringLiteral("action")].toString() == action)
                return row.toObject();
        qFatal("no report row for %s", qPrintable(action));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_provider.baseUrl().port() > 0);
        // The keychain tests are never skipped: without a Secret Service they fail and say how to run them.
        QProcess probe;
        probe.start(QStringLiteral("secret-tool"), {QStringLiteral("store"), QStringLiteral("--label=probe"),
                                                     QStringLiteral("server"), QStringLiteral("ai-settings-probe")});
        QVERIFY2(probe.waitForStarted(10000), "secret-tool is missing: run the tests through scripts/run-tests.sh");
        probe.write("probe");
        probe.closeWriteChannel();
        QVERIFY(probe.waitForFinished(15000));
        QVERIFY2(probe.exitCode() == 0, "no Secret Service answers: run the tests through scripts/run-tests.sh, "
                                        "which starts gnome-keyring in a private D-Bus session");
    }

    void init()
    {
        TestSupport::failOnAnyWarning();
        m_db = m_dir.filePath(QStringLiteral("keys-%1.sqlite").arg(++m_dbCount));
        m_provider.respond(200, models);
        m_provider.clearRoutes();
        m_provider.requests.clear();
    }

    void setStoresTheKeyInTheKeychainAndOnlyItsFingerprintInTheDatabase()
    {
        const Run set = cli(words("keys set anthropic --no-verify"), anthropicKey + "\n");
        QCOMPARE(set.exitCode, 0);
        QVERIFY(set.out.contains("sk-ant-••••••••wxyz"));
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);
        QVERIFY(keychainSearch().contains(account({}, "anthropic").toUtf8()));
        QVERIFY(m_provider.requests.isEmpty()); // --no-verify

        const QJsonObject s = status(QStringLiteral("anthropic"));
        QCOMPARE(s[QStringLiteral("state")].toString(), QStringLiteral("not_verified"));
        QCOMPARE(s[QStringLiteral("fingerprint")].toString(), QStringLiteral("wxyz"));
        QCOMPARE(s[QStringLiteral("source")].toString(), QStringLiteral("install"));
        QVERIFY(s[QStringLiteral("checked_at")].isNull());
        const Run text = cli(words("keys status"));
        QVERIFY(text.out.contains("sk-ant-••••••••wxyz"));
        QVERIFY(text.out.contains("Not verified"));
        QVERIFY(text.out.contains("Not set")); // OpenAI
        QCOMPARE(status(QStringLiteral("openai"))[QStringLiteral("source")].toString(), QStringLiteral("credits"));
    }

    void providerAnswers_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("message");
        const QByteArray a401 = R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})";
        const QByteArray o401 = R"({"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}})";
        const QByteArray quota = R"({"error":{"message":"You exceeded your current quota.","type":"insufficient_quota"}})";
        QTest::newRow("anthropic 200") << "anthropic" << 200 << models << QByteArray() << 0 << "active" << "Active (BYOK)" << "";
        QTest::newRow("openai 200") << "openai" << 200 << QByteArray(R"({"object":"list","data":[{"id":"gpt-image-1"}]})")
                                    << QByteArray() << 0 << "active" << "Active (BYOK)" << "";
        QTest::newRow("anthropic 401") << "anthropic" << 401 << a401 << QByteArray() << 1 << "invalid" << "Invalid key"
                                       << "Anthropic rejected the key (401): invalid x-api-key.";
        QTest::newRow("openai 401") << "openai" << 401 << o401 << QByteArray() << 1 << "invalid" << "Invalid key"
                                    << "OpenAI rejected the key (401): Incorrect API key provided.";
        QTest::newRow("403") << "anthropic" << 403 << QByteArray(R"({"type":"error","error":{"type":"permission_error","message":"no access"}})")
                             << QByteArray() << 1 << "invalid" << "Invalid key" << "Anthropic rejected the key (403): no access.";
        QTest::newRow("429 retry-after") << "anthropic" << 429 << QByteArray("{}") << QByteArray("30") << 3 << "throttled"
                                         << "Throttled" << "Anthropic is limiting requests (429); check again in 30 seconds.";
        QTest::newRow("429 no retry-after") << "anthropic" << 429 << QByteArray("{}") << QByteArray() << 3 << "not_verified"
                                            << "Not verified" << "Anthropic is limiting requests (429) and did not say when";
        QTest::newRow("429 quota") << "openai" << 429 << quota << QByteArray("5") << 1 << "out_of_budget" << "Out of budget"
                                   << "The OpenAI account behind this key is out of budget (429): You exceeded your current quota";
        QTest::newRow("429 spend limit") << "anthropic" << 429 << QByteArray(R"({"type":"error","error":{"type":"enforced_spend_limit_reached","message":"spend limit reached"}})")
                                         << QByteArray() << 1 << "out_of_budget" << "Out of budget"
                                         << "The Anthropic account behind this key is out of budget (429): spend limit reached; raise its spend limit or add credit at console.anthropic.com.";
        QTest::newRow("529") << "anthropic" << 529 << QByteArray(R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})")
                             << QByteArray() << 3 << "not_verified" << "Not verified" << "Anthropic is overloaded (529)";
        QTest::newRow("garbage") << "anthropic" << 200 << QByteArray("<html>portal</html>") << QByteArray() << 3 << "not_verified"
                                 << "Not verified" << "Anthropic answered with something that is not a model list";
        QTest::newRow("stalled") << "openai" << -1 << QByteArray() << QByteArray() << 3 << "not_verified" << "Not verified"
                                 << "OpenAI did not answer within 1"; // 14 or 15 s: the bound is for the whole command
    }

    void providerAnswers()
    {
        QFETCH(QString, provider);
        QFETCH(int, httpStatus);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(QString, message);
        if (httpStatus < 0)
            m_provider.stall();
        else if (retryAfter.isEmpty())
            m_provider.respond(httpStatus, body);
        else
            m_provider.respond(httpStatus, body, {{"retry-after", retryAfter}});
        const QByteArray key = provider == QLatin1String("anthropic") ? anthropicKey : openAiKey;
        QElapsedTimer wall;
        wall.start();
        const Run set = cli({QStringLiteral("keys"), QStringLiteral("set"), provider}, key);
        QTEST(set.exitCode, "exitCode");
        // A silent provider is waited for 15 s at most, for the whole command, process start included.
        QVERIFY2(wall.elapsed() <= 15000, qPrintable(QStringLiteral("keys set took %1 ms").arg(wall.elapsed())));

        QCOMPARE(m_provider.requests.size(), 1);
        const FakeProvider::Request& request = m_provider.requests.first();
        QCOMPARE(request.method, QByteArray("GET"));
        QVERIFY(request.path.startsWith("/v1/models"));
        QVERIFY(request.header("user-agent").startsWith("ai-settings/"));
        if (provider == QLatin1String("anthropic")) {
            QCOMPARE(request.header("x-api-key"), anthropicKey);
            QCOMPARE(request.header("anthropic-version"), QByteArray("2023-06-01"));
        } else {
            QCOMPARE(request.header("authorization"), "Bearer " + openAiKey);
        }

        const QJsonObject s = status(provider);
        QTEST(s[QStringLiteral("state")].toString(), "state");
        QVERIFY2(s[QStringLiteral("message")].toString().startsWith(message), qPrintable(s[QStringLiteral("message")].toString()));
        QVERIFY(!s[QStringLiteral("checked_at")].isNull());
        QCOMPARE(keychainLookup(account({}, provider.toLatin1().constData())), key); // kept, whatever the verdict
        QFETCH(QString, label);
        QVERIFY(cli(words("keys status")).out.contains(label.toUtf8()));
        if (set.exitCode != 0)
            QVERIFY(set.err.contains(message.toUtf8()));
        if (s[QStringLiteral("state")].toString() == QLatin1String("active") && provider == QLatin1String("anthropic"))
            QCOMPARE(s[QStringLiteral("models")].toArray().size(), 2);
        // A throttled key says when it is due to be checked again; no other state has such a time.
        QCOMPARE(s[QStringLiteral("retry_at")].isNull(), s[QStringLiteral("state")].toString() != QLatin1String("throttled"));
        QCOMPARE(s[QStringLiteral("in_force")].toBool(), true);
    }

    void anActiveKeyMakesItsActionsFreeAndShowsThemAsByok()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        const Run content = cli(words("record --action content"));
        QCOMPARE(content.exitCode, 0);
        QJsonObject row = actionRow(QStringLiteral("content"));
        QCOMPARE(row[QStringLiteral("count")].toInt(), 1);
        QCOMPARE(row[QStringLiteral("credits")].toInt(), 0);
        QCOMPARE(row[QStringLiteral("byok_count")].toInt(), 1);
        // Images belong to OpenAI, which has no key here: they still cost credits.
        QCOMPARE(cli(words("record --action image")).exitCode, 0);
        QCOMPARE(actionRow(QStringLiteral("image"))[QStringLiteral("credits")].toInt(), 10);
        const Run report = cli(words("report --json"));
        QCOMPARE(QJsonDocument::fromJson(report.out)[QStringLiteral("used")].toInt(), 10);

        // Removed: the keychain entry is gone and content goes back to credits.
        const Run removed = cli(words("keys remove anthropic"));
        QCOMPARE(removed.exitCode, 0);
        QVERIFY(keychainLookup(account({}, "anthropic")).isEmpty());
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("not_set"));
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("source")].toString(), QStringLiteral("credits"));
        QCOMPARE(cli(words("record --action content")).exitCode, 0);
        row = actionRow(QStringLiteral("content"));
        QCOMPARE(row[QStringLiteral("count")].toInt(), 2);
        QCOMPARE(row[QStringLiteral("credits")].toInt(), 5); // content on Sonnet
    }

    void anInvalidKeyRefusesItsActions()
    {
        m_provider.respond(401, R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 1);
        const Run refused = cli(words("record --action analysis"));
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.err.trimmed(),
                 QStringLiteral("Your organisation's Claude API key is invalid. Update it in Settings → AI.").toUtf8());
        QCOMPARE(actionRow(QStringLiteral("analysis"))[QStringLiteral("count")].toInt(), 0);
        // Checked again once the provider accepts it: active, and the action runs.
        m_provider.respond(200, models);
        QCOMPARE(cli(words("keys verify anthropic")).exitCode, 0);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("active"));
        QCOMPARE(cli(words("record --action analysis")).exitCode, 0);
    }

    void malformedKeysAreRefusedAndNothingIsStored_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("openai key in anthropic") << "anthropic" << openAiKey << "enter it in the OpenAI field";
        QTest::newRow("anthropic key in openai") << "openai" << anthropicKey << "enter it in the Anthropic field";
        QTest::newRow("bad characters") << "anthropic" << QByteArray("sk-ant-api03-abc def$ghijklmnopqrstuvwxyz") << "";
        QTest::newRow("too short") << "anthropic" << QByteArray("sk-ant-abc") << "";
        QTest::newRow("empty") << "openai" << QByteArray("  \n") << "No key arrived on standard input";
    }

    void malformedKeysAreRefusedAndNothingIsStored()
    {
        QFETCH(QString, provider);
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        const Run set = cli({QStringLiteral("keys"), QStringLiteral("set"), provider}, input);
        QCOMPARE(set.exitCode, 2);
        QCOMPARE(set.err.count('\n'), 1); // one sentence
        QVERIFY2(set.err.contains(message.toUtf8()), set.err.constData());
        QVERIFY(!set.err.contains(input.trimmed()) || input.trimmed().isEmpty());
        QVERIFY(m_provider.requests.isEmpty());
        QVERIFY(keychainLookup(account({}, provider.toLatin1().constData())).isEmpty());
        QCOMPARE(status(provider)[QStringLiteral("state")].toString(), QStringLiteral("not_set"));
    }

    void aMisplacedReplacementKeepsTheKeyInForce()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        QCOMPARE(cli(words("keys set anthropic"), openAiKey).exitCode, 2);
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("active"));
    }

    // Defect 1 of the keys issue: a revoked key typed over a working one no longer replaces it.
    void aRejectedReplacementChangesNothing()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        m_provider.respond(401, R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})",
                           {{"request-id", "req_011Revoked"}});
        const Run replaced = cli(words("keys set anthropic"), replacementKey);
        QCOMPARE(replaced.exitCode, 1);
        QCOMPARE(replaced.err.count('\n'), 1);
        QVERIFY2(replaced.err.contains("Anthropic rejected the key (401, request req_011Revoked): invalid x-api-key; "
                                       "the stored key ending wxyz is kept."),
                 replaced.err.constData());
        QCOMPARE(m_provider.requests.last().header("x-api-key"), replacementKey); // the new key was the one checked
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);
        const QJsonObject s = status(QStringLiteral("anthropic"));
        QCOMPARE(s[QStringLiteral("state")].toString(), QStringLiteral("active"));
        QCOMPARE(s[QStringLiteral("fingerprint")].toString(), QStringLiteral("wxyz"));
        QCOMPARE(cli(words("record --action content")).exitCode, 0);
        QCOMPARE(keyAudit("anthropic").last(),
                 QStringLiteral("kept install key …wxyz; new key …rpl9 not stored: invalid (request req_011Revoked)"));
    }

    void aReplacementWithoutAVerdictWaitsForConfirmation()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        m_provider.respond(503, R"({"type":"error","error":{"type":"api_error","message":"Service unavailable"}})");
        const Run held = cli(words("keys set anthropic"), replacementKey);
        QCOMPARE(held.exitCode, 3);
        QVERIFY2(held.err.contains("Anthropic is having trouble (503); the stored key ending wxyz is kept; to replace it "
                                   "anyway, add --replace-unverified."),
                 held.err.constData());
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("active"));
        // --no-verify cannot slip a key past the check either.
        const Run unchecked = cli(words("keys set anthropic --no-verify"), replacementKey);
        QCOMPARE(unchecked.exitCode, 1);
        QVERIFY(unchecked.err.contains("--replace-unverified"));
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);

        // Confirmed: the new key replaces the old one, and says it is not verified.
        const Run confirmed = cli(words("keys set anthropic --replace-unverified"), replacementKey);
        QCOMPARE(confirmed.exitCode, 3);
        QVERIFY(confirmed.err.contains("is stored but not verified"));
        QCOMPARE(keychainLookup(account({}, "anthropic")), replacementKey);
        const QJsonObject s = status(QStringLiteral("anthropic"));
        QCOMPARE(s[QStringLiteral("state")].toString(), QStringLiteral("not_verified"));
        QCOMPARE(s[QStringLiteral("fingerprint")].toString(), QStringLiteral("rpl9"));
        QCOMPARE(keyAudit("anthropic").last(), QStringLiteral("replaced install key …wxyz → …rpl9: not_verified"));
    }

    void anAcceptedReplacementTakesOverAndIsAudited()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        QCOMPARE(cli(words("keys set anthropic"), replacementKey).exitCode, 0);
        QCOMPARE(keychainLookup(account({}, "anthropic")), replacementKey);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("fingerprint")].toString(), QStringLiteral("rpl9"));
        QCOMPARE(keyAudit("anthropic").last(), QStringLiteral("replaced install key …wxyz → …rpl9: active"));
    }

    void anInvalidKeyIsReplacedWithoutConfirmation()
    {
        m_provider.respond(401, R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 1);
        m_provider.stall();
        QElapsedTimer wall;
        wall.start();
        // Nothing works now, so there is nothing to lose: a key the provider cannot judge replaces it.
        const Run set = cli(words("keys set anthropic"), replacementKey);
        QVERIFY2(wall.elapsed() <= 15000, qPrintable(QStringLiteral("keys set took %1 ms").arg(wall.elapsed())));
        QCOMPARE(set.exitCode, 3);
        QCOMPARE(keychainLookup(account({}, "anthropic")), replacementKey);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("not_verified"));
    }

    // A shared ledger: the key sits in the keychain of the machine that stored it; the others say whose.
    void aKeyHeldInAnotherKeychainIsCheckedAndRemovedThere()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("holder")].toString(), Environment::keychainHolder());
        {
            auto ledger = TestSupport::openLedger(m_db, Environment::currentUserName());
            KeyRecord r = ledger->keys().keyRecord({}, QStringLiteral("anthropic")).value();
            r.holder = QStringLiteral("alice@desk-7");
            QVERIFY(ledger->keys().setKeyRecord(r, KeyChange::Checked).ok());
        }
        m_provider.requests.clear();
        for (const char* verb : {"keys verify anthropic", "keys remove anthropic"}) {
            const Run r = cli(words(verb));
            QCOMPARE(r.exitCode, 1);
            QCOMPARE(r.err, QByteArray("The Anthropic key for the install is kept in the keychain of alice on desk-7; "
                                       "Test and Remove work there.\n"));
        }
        QVERIFY(m_provider.requests.isEmpty());
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("active"));
        QVERIFY(cli(words("keys status")).out.contains("kept in the keychain of alice on desk-7"));
        // A new key saved here lives in this keychain from then on.
        QCOMPARE(cli(words("keys set anthropic"), replacementKey).exitCode, 0);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("holder")].toString(), Environment::keychainHolder());
    }

    void costsSayWhenAKeyRefusesTheAction()
    {
        m_provider.respond(400, R"({"type":"error","error":{"type":"invalid_request_error","message":"You have reached your specified API usage limits."}})");
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 1);
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("out_of_budget"));
        const Run refused = cli(words("record --action trigger"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("out of budget: raise its spend limit at console.anthropic.com"), refused.err.constData());
        QJsonObject trigger = actionRow(QStringLiteral("trigger"));
        QVERIFY(trigger[QStringLiteral("cost_now")].isNull());
        QCOMPARE(trigger[QStringLiteral("refused_because")].toString(), QStringLiteral("the Anthropic key is out of budget"));
        // Images run on OpenAI, which has no key: they still have a price.
        QCOMPARE(actionRow(QStringLiteral("image"))[QStringLiteral("cost_now")].toInt(), 10);
        QVERIFY(cli(words("report")).out.contains("refused: the Anthropic key is out of budget"));

        m_provider.respond(401, R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        QCOMPARE(cli(words("keys verify anthropic")).exitCode, 1);
        QCOMPARE(actionRow(QStringLiteral("content"))[QStringLiteral("refused_because")].toString(),
                 QStringLiteral("the Anthropic key is invalid"));
        m_provider.respond(200, models);
        QCOMPARE(cli(words("keys verify anthropic")).exitCode, 0);
        trigger = actionRow(QStringLiteral("trigger"));
        QCOMPARE(trigger[QStringLiteral("cost_now")].toInt(), 0);
        QVERIFY(trigger[QStringLiteral("refused_because")].isNull());
    }

    void modelsFollowTheKeysOwnList()
    {
        // On credits every catalog model may be chosen.
        QCOMPARE(cli(words("models set analysis claude-sonnet-4-5")).exitCode, 0);
        QCOMPARE(cli(words("models set analysis claude-sonnet-4-6")).exitCode, 0);
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0); // lists Sonnet 4.6 and Opus 4.6
        const Run refused = cli(words("models set analysis claude-sonnet-4-5"));
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.err, QByteArray("The Anthropic key in force cannot use Claude Sonnet 4.5: it is not in the key's "
                                         "model list; add --force to choose it anyway.\n"));
        QVERIFY(cli(words("models show")).out.contains("Claude Sonnet 4.6 [claude-sonnet-4-6]"));
        QCOMPARE(cli(words("models set analysis claude-opus-4-6")).exitCode, 0);

        // A longer list, over two pages, with the model on the second as a dated snapshot.
        m_provider.respond(200, R"({"data":[{"id":"claude-sonnet-4-6"}],"has_more":true,"last_id":"claude-sonnet-4-6"})");
        m_provider.route("after_id=claude-sonnet-4-6", 200,
                         R"({"data":[{"id":"claude-sonnet-4-5-20250929"}],"has_more":false,"last_id":"claude-sonnet-4-5-20250929"})");
        QCOMPARE(cli(words("keys verify anthropic")).exitCode, 0);
        m_provider.clearRoutes();
        QCOMPARE(cli(words("models set analysis claude-sonnet-4-5")).exitCode, 0);
        // Opus is not in this list: forcing it is allowed, and audited.
        QCOMPARE(cli(words("models set content claude-opus-4-5")).exitCode, 1);
        QCOMPARE(cli(words("models set content claude-opus-4-5 --force")).exitCode, 0);
        QVERIFY(cli(words("models show")).out.contains("Claude Opus 4.5 [claude-opus-4-5]"));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("models"));
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT change FROM audit_log WHERE subject = 'model.content' ORDER BY rowid DESC LIMIT 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(),
                 QStringLiteral("claude-opus-4-5 forced: not in the Anthropic key's model list"));
        q.finish();
        db.close();
    }

    void tenantKeysFollowThePlan()
    {
        QCOMPARE(cli(words("tenants add acme")).exitCode, 0);
        const Run onEssentials = cli(words("keys set anthropic --tenant acme"), anthropicKey);
        QCOMPARE(onEssentials.exitCode, 1);
        QVERIFY(onEssentials.err.contains("Professional or Enterprise"));
        QVERIFY(keychainLookup(account(QStringLiteral("acme"), "anthropic")).isEmpty());

        QCOMPARE(cli(words("plan set professional")).exitCode, 0);
        QCOMPARE(cli(words("keys set anthropic --tenant acme"), anthropicKey).exitCode, 0);
        QCOMPARE(keychainLookup(account(QStringLiteral("acme"), "anthropic")), anthropicKey);
        QCOMPARE(status(QStringLiteral("anthropic"), QStringLiteral("acme"))[QStringLiteral("source")].toString(),
                 QStringLiteral("tenant"));
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("source")].toString(), QStringLiteral("credits"));
        QCOMPARE(cli(words("record --action content --tenant acme")).exitCode, 0);
        QCOMPARE(actionRow(QStringLiteral("content"))[QStringLiteral("byok_count")].toInt(), 1);

        QCOMPARE(tenantRow(QStringLiteral("anthropic"), QStringLiteral("acme"))[QStringLiteral("in_force")].toBool(), true);

        // A downgrade waits for the next period: the tenant key stays in force until then.
        const Run downgrade = cli(words("plan set essentials"));
        QVERIFY2(downgrade.out.contains("at the next period"), downgrade.out.constData());
        QCOMPARE(status(QStringLiteral("anthropic"), QStringLiteral("acme"))[QStringLiteral("source")].toString(),
                 QStringLiteral("tenant"));
        // Once the period has turned (both changes moved back a month and more), the tenant key is stored but
        // unused, and `keys status` lists it as such.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("backdate"));
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("UPDATE plan_changes SET at = at - 3456000000")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("backdate"));
        const QJsonObject inForce = status(QStringLiteral("anthropic"), QStringLiteral("acme"));
        QCOMPARE(inForce[QStringLiteral("source")].toString(), QStringLiteral("credits"));
        QCOMPARE(inForce[QStringLiteral("state")].toString(), QStringLiteral("not_set"));
        const QJsonObject unused = tenantRow(QStringLiteral("anthropic"), QStringLiteral("acme"));
        QCOMPARE(unused[QStringLiteral("state")].toString(), QStringLiteral("unused"));
        QCOMPARE(unused[QStringLiteral("in_force")].toBool(), false);
        QCOMPARE(unused[QStringLiteral("fingerprint")].toString(), QStringLiteral("wxyz"));
        QVERIFY(unused[QStringLiteral("message")].toString().contains(QStringLiteral("the Essentials plan does not allow tenant keys")));
        const Run text = cli(words("keys status --tenant acme"));
        QVERIFY2(text.out.contains("Unused - Not used: the Essentials plan"), text.out.constData());
        QCOMPARE(keychainLookup(account(QStringLiteral("acme"), "anthropic")), anthropicKey);

        // Removing the tenant removes its keys from the keychain too.
        const QString acmeAccount = account(QStringLiteral("acme"), "anthropic");
        QCOMPARE(cli(words("tenants remove acme")).exitCode, 0);
        QVERIFY(keychainLookup(acmeAccount).isEmpty());
    }

    void twoDatabasesNeverShareAKey()
    {
        QCOMPARE(cli(words("keys set anthropic --no-verify"), anthropicKey).exitCode, 0);
        const QString first = m_db;
        m_db = m_dir.filePath(QStringLiteral("other.sqlite"));
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("not_set"));
        QCOMPARE(cli(words("keys remove anthropic")).exitCode, 0);
        m_db = first;
        QCOMPARE(keychainLookup(account({}, "anthropic")), anthropicKey);
    }

    void aViewerCannotChangeKeys()
    {
        {
            auto ledger = TestSupport::openLedger(m_db, QStringLiteral("someone-else"));
            QVERIFY(ledger->directory().setMember(Environment::currentUserName(), Role::Viewer).ok());
        }
        const Run set = cli(words("keys set anthropic"), anthropicKey);
        QCOMPARE(set.exitCode, 1);
        QVERIFY(set.err.contains("Owner or Admin"));
        QVERIFY(m_provider.requests.isEmpty());
        QVERIFY(keychainLookup(account({}, "anthropic")).isEmpty());
        QCOMPARE(cli(words("keys status")).exitCode, 0); // reading is for everyone
    }

    void theAuditTrailSaysWhoChangedWhatAndNeverTheKey()
    {
        QCOMPARE(cli(words("keys set anthropic"), anthropicKey).exitCode, 0);
        QCOMPARE(cli(words("keys set anthropic"), replacementKey).exitCode, 0);
        QCOMPARE(cli(words("plan set enterprise")).exitCode, 0);
        const QString file = m_dir.filePath(QStringLiteral("october.csv"));
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("id,occurred_at,tenant,action,model,billing,credits\no1,2026-10-05T09:00:00Z,,trigger,,credits,\n");
        csv.close();
        QCOMPARE(cli(QStringList{QStringLiteral("import"), file}).exitCode, 0);

        const Run all = cli(words("audit --json"));
        QCOMPARE(all.exitCode, 0);
        const QJsonArray entries = QJsonDocument::fromJson(all.out).array();
        QStringList seen;
        for (const QJsonValue& v : entries) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e[QStringLiteral("actor")].toString(), Environment::currentUserName());
            QVERIFY(IsoTime::parse(e[QStringLiteral("at")].toString()));
            seen << e[QStringLiteral("kind")].toString() + QLatin1Char(' ') + e[QStringLiteral("change")].toString();
        }
        // Newest first.
        QCOMPARE(seen.value(0), QStringLiteral("import imported 1 of 1 events (20 credits) from \"october.csv\""));
        QCOMPARE(seen.value(1), QStringLiteral("plan essentials -> enterprise"));
        QCOMPARE(seen.value(2), QStringLiteral("key replaced install key …wxyz → …rpl9: active"));
        QVERIFY2(!seen.mid(3).filter(QRegularExpression(QStringLiteral("^key set install key …wxyz: "))).isEmpty(),
                 qPrintable(seen.join(QLatin1Char('\n'))));

        const Run keysOnly = cli(words("audit --kind key"));
        QCOMPARE(keysOnly.out.count('\n'), seen.filter(QRegularExpression(QStringLiteral("^key "))).size());
        QVERIFY(keysOnly.out.count('\n') >= 2);
        QVERIFY(!keysOnly.out.contains("enterprise"));
        QCOMPARE(cli(words("audit --kind plan --json")).out.count("\"kind\":\"plan\""), 1);
        QCOMPARE(QJsonDocument::fromJson(cli(words("audit --since 2000-01-01 --user nobody-here --json")).out).array().size(), 0);
        const Run badKind = cli(words("audit --kind keys"));
        QCOMPARE(badKind.exitCode, 2);
        QVERIFY(badKind.err.startsWith("Unknown kind \"keys\"; expected one of key, plan"));
        for (const QByteArray& key : {anthropicKey, replacementKey})
            QVERIFY2(!all.out.contains(key.mid(key.size() - 12, 8)), "a key's bytes are in the audit trail");
    }

    void theKeyNeverLeavesTheKeychain()
    {
        // Hold the database open so that SQLite keeps its write-ahead log for inspection.
        auto reader = TestSupport::openLedger(m_db, Environment::currentUserName());
        QByteArray captured;
        auto run = [&](const QStringList& args, const QByteArray& input = {}) {
            const Run r = cli(args, input);
            captured += r.out + r.err;
            return r.exitCode;
        };
        QCOMPARE(run(words("keys set anthropic"), anthropicKey), 0);
        QCOMPARE(run(words("keys set openai"), openAiKey), 0);
        QCOMPARE(run(words("record --action content")), 0);
        m_provider.respond(401, R"({"error":{"message":"Incorrect API key provided: )" + openAiKey + R"(.","code":"invalid_api_key"}})");
        QCOMPARE(run(words("keys verify openai")), 1); // the provider quotes the key back; it must not come through
        m_provider.respond(529, R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})");
        QCOMPARE(run(words("keys set anthropic"), anthropicKey + "\n"), 3);
        QCOMPARE(run(words("keys set openai"), "sk-ant-api03-" + openAiKey.mid(8)), 2);
        QCOMPARE(run(words("keys status")), 0);
        QCOMPARE(run(words("keys status --json")), 0);
        QCOMPARE(run(words("audit")), 0);
        QCOMPARE(run(words("audit --json")), 0);
        QCOMPARE(run(words("export --format jsonl")), 0);
        QCOMPARE(run(words("keys remove anthropic")), 0);
        QCOMPARE(run(words("keys remove openai")), 0);

        QStringList files{m_db, m_db + QStringLiteral("-wal"), m_db + QStringLiteral("-shm")};
        QVERIFY(QFile::exists(m_db + QStringLiteral("-wal")));
        QDirIterator config(m_dir.filePath(QStringLiteral("config")), QDir::Files, QDirIterator::Subdirectories);
        while (config.hasNext())
            files << config.next();
        QByteArray stored;
        for (const QString& path : files) {
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                stored += f.readAll();
        }
        QVERIFY(stored.size() > 4096);
        for (const QByteArray& key : {anthropicKey, openAiKey}) {
            // The whole key, and its distinctive middle, in plain bytes and as UTF-16 (Qt's strings).
            const QByteArray middle = key.mid(key.size() - 12, 8);
            for (const QByteArray& needle : {key, middle, QByteArray(reinterpret_cast<const char*>(QString::fromLatin1(middle).utf16()), middle.size() * 2)}) {
                QVERIFY2(!stored.contains(needle), "a key's bytes are in the database or the settings");
                QVERIFY2(!captured.contains(needle), "a key's bytes are in the program's output");
            }
        }
        QVERIFY(captured.contains("wxyz")); // the fingerprint is all that shows
    }

    void withoutASecretServiceKeysFailClearlyAndTheRestWorks_data()
    {
        QTest::addColumn<bool>("busRunning");
        QTest::newRow("D-Bus without a Secret Service") << true;
        QTest::newRow("no D-Bus session at all") << false;
    }

    void withoutASecretServiceKeysFailClearlyAndTheRestWorks()
    {
        QFETCH(bool, busRunning);
        std::optional<PrivateBus> bus;
        QProcessEnvironment e = env();
        if (busRunning) {
            bus.emplace();
            e.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), bus->address());
        } else {
            e.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus")));
            e.remove(QStringLiteral("DISPLAY"));
        }
        const Run set = cli(words("keys set anthropic"), anthropicKey, e);
        QCOMPARE(set.exitCode, 3);
        QCOMPARE(set.err.count('\n'), 1);
        QVERIFY2(set.err.startsWith("The key could not be saved: "), set.err.constData());
        QVERIFY2(set.err.contains(busRunning ? "no keychain service is running" : "no D-Bus session"), set.err.constData());
        QVERIFY(m_provider.requests.isEmpty());
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("not_set"));
        QCOMPARE(cli(words("report"), {}, e).exitCode, 0);
        QCOMPARE(cli(words("keys status"), {}, e).exitCode, 0);
        QCOMPARE(cli(words("record --action theme"), {}, e).exitCode, 0);
        QCOMPARE(cli(words("tenants add beta"), {}, e).exitCode, 0);
        QCOMPARE(cli(words("tenants remove beta"), {}, e).exitCode, 0); // no keys: the keychain is not needed
    }

    void cleanupTestCase()
    {
        QProcess clear;
        clear.start(QStringLiteral("secret-tool"), {QStringLiteral("clear"), QStringLiteral("server"), QStringLiteral("ai-settings-probe")});
        clear.waitForFinished(15000);
    }
};

QTEST_GUILESS_MAIN(TestKeys)
#include "tst_keys.moc"

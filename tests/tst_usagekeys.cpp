#include "KeysFixture.h"

#include "model/Directory.h"

// `ai-settings keys set-usage` end to end: a provider's usage key (an Admin key that reads the organisation's usage
// and cost reports) kept in the keychain apart from the keys that run actions, checked by reading one day of the
// report from the loopback provider, the Owner's alone to change, and never used for an action.
class TestUsageKeys : public KeysFixture
{
    Q_OBJECT

    const QByteArray anthropicAdminKey = "sk-ant-admin01-" + QByteArray(70, 'A') + "Qw3_adm1";
    const QByteArray openAiAdminKey = "sk-admin-" + QByteArray(40, 'B') + "Zx8-adm2";
    const QByteArray report = R"({"data":[],"has_more":false,"next_page":null})";

    QString usageAccount(const char* provider) { return installId() + QStringLiteral("/usage/") + provider; }

    // The usage row of `keys status --json`, or an empty object when no usage key is set.
    QJsonObject usageRow(const QString& provider)
    {
        const Run r = cli(words("keys status --json"));
        for (const QJsonValue& row : QJsonDocument::fromJson(r.out).array())
            if (row[QStringLiteral("provider")].toString() == provider &&
                row[QStringLiteral("purpose")].toString() == QLatin1String("usage"))
                return row.toObject();
        return {};
    }

private slots:
    void aUsageKeyIsKeptApartAndCheckedAgainstTheUsageReport()
    {
        m_provider.route("/v1/organizations/usage_report/messages", 200, report);
        const Run set = cli(words("keys set-usage anthropic"), anthropicAdminKey + "\n");
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QVERIFY2(set.out.contains("The Anthropic usage key (sk-ant-••••••••adm1) is saved and may read the "
                                  "organisation's usage and cost reports."),
                 set.out.constData());
        // One request, to the report, for one daily bucket, with the key in its header only.
        QCOMPARE(m_provider.requests.size(), 1);
        const FakeProvider::Request& asked = m_provider.requests.first();
        QVERIFY2(asked.path.startsWith("/v1/organizations/usage_report/messages?starting_at="), asked.path.constData());
        QVERIFY(asked.path.contains("bucket_width=1d"));
        QVERIFY(!asked.path.contains("adm1"));
        QCOMPARE(asked.header("x-api-key"), anthropicAdminKey);
        QCOMPARE(asked.header("anthropic-version"), QByteArray("2023-06-01"));

        // Its own keychain entry; the key that runs actions is still not set.
        QCOMPARE(keychainLookup(usageAccount("anthropic")), anthropicAdminKey);
        QVERIFY(keychainLookup(account({}, "anthropic")).isEmpty());
        const QJsonObject usage = usageRow(QStringLiteral("anthropic"));
        QCOMPARE(usage[QStringLiteral("state")].toString(), QStringLiteral("active"));
        QCOMPARE(usage[QStringLiteral("fingerprint")].toString(), QStringLiteral("adm1"));
        QVERIFY(usage[QStringLiteral("source")].isNull());
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("not_set"));
        QCOMPARE(status(QStringLiteral("anthropic"))[QStringLiteral("purpose")].toString(),
                 QStringLiteral("inference"));
        QVERIFY(usageRow(QStringLiteral("openai")).isEmpty());
        const Run text = cli(words("keys status"));
        QVERIFY2(text.out.contains("Usage keys (read the providers' usage and cost reports):\nAnthropic "),
                 text.out.constData());
        QVERIFY2(!text.out.contains("Active (BYOK)"), text.out.constData());
        // Stored first, then checked: a check that never ends loses nothing.
        QCOMPARE(keyAudit("anthropic"), (QStringList{QStringLiteral("set usage key …adm1: not_verified"),
                                                     QStringLiteral("checked usage key …adm1: active")}));

        // It never runs an action: content still costs credits.
        QCOMPARE(cli(words("record --action content")).exitCode, 0);
        const QJsonObject content = actionRow(QStringLiteral("content"));
        QCOMPARE(content[QStringLiteral("credits")].toInt(), 5);
        QCOMPARE(content[QStringLiteral("byok_count")].toInt(), 0);

        // Removed: its entry and its row go, nothing else.
        const Run removed = cli(words("keys remove-usage anthropic"));
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        QVERIFY(keychainLookup(usageAccount("anthropic")).isEmpty());
        QVERIFY(usageRow(QStringLiteral("anthropic")).isEmpty());
        QCOMPARE(keyAudit("anthropic").last(), QStringLiteral("removed usage key …adm1"));
    }

    void openAiUsageKeysReadTheCompletionsReport()
    {
        m_provider.route("/v1/organization/usage/completions", 200, report);
        const Run set = cli(words("keys set-usage openai"), openAiAdminKey);
        QVERIFY2(set.exitCode == 0, set.err.constData());
        const FakeProvider::Request& asked = m_provider.requests.first();
        QVERIFY2(asked.path.startsWith("/v1/organization/usage/completions?start_time="), asked.path.constData());
        QCOMPARE(asked.header("authorization"), "Bearer " + openAiAdminKey);
        QCOMPARE(keychainLookup(usageAccount("openai")), openAiAdminKey);
    }

    void providerAnswers_data()
    {
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("said");
        QTest::newRow("401") << 401
                             << QByteArray(R"({"error":{"type":"authentication_error","message":"invalid x-api-key"}})")
                             << 1 << "invalid"
                             << "Anthropic rejected the key (401): invalid x-api-key.";
        QTest::newRow("403") << 403 << QByteArray(R"({"error":{"type":"permission_error","message":"not allowed"}})")
                             << 1 << "no_permission"
                             << "Anthropic knows the key but it may not read the organisation's usage reports (403): "
                                "not allowed; create an Admin key at console.anthropic.com and enter that.";
        QTest::newRow("not a report") << 200 << QByteArray(R"({"object":"list"})") << 3 << "not_verified"
                                      << "Anthropic answered with something that is not a usage report.";
        QTest::newRow("500") << 500 << QByteArray("{}") << 3 << "not_verified"
                             << "Anthropic is having trouble (500).";
    }

    void providerAnswers()
    {
        QFETCH(int, httpStatus);
        QFETCH(QByteArray, body);
        QFETCH(int, exitCode);
        QFETCH(QString, state);
        QFETCH(QString, said);
        m_provider.respond(httpStatus, body);
        const Run set = cli(words("keys set-usage anthropic"), anthropicAdminKey);
        QCOMPARE(set.exitCode, exitCode);
        QVERIFY2(set.err.contains(said.toUtf8()), set.err.constData());
        QVERIFY(!set.err.contains(anthropicAdminKey));
        // Nothing was stored before, so the key is kept with its verdict, as a key that runs actions would be.
        const QJsonObject usage = usageRow(QStringLiteral("anthropic"));
        QCOMPARE(usage[QStringLiteral("state")].toString(), state);
        QCOMPARE(usage[QStringLiteral("message")].toString(), said);
    }

    // An API key cannot read the reports and an Admin key cannot run actions: each is refused in the other's place,
    // before anything is stored or sent.
    void eachKindIsRefusedInTheOthersPlace_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("message");
        QTest::newRow("api key as usage key")
            << "keys set-usage anthropic" << anthropicKey
            << "This is an API key of Anthropic, which runs AI actions but cannot read the organisation's usage "
               "reports; create an Admin key at console.anthropic.com and enter that.";
        QTest::newRow("openai project key as usage key")
            << "keys set-usage openai" << openAiKey << "This is an API key of OpenAI";
        QTest::newRow("admin key as byok") << "keys set anthropic" << anthropicAdminKey
                                           << "This is an Admin key of Anthropic, which manages an organisation but "
                                              "cannot run AI actions";
        QTest::newRow("openai admin key in the anthropic field")
            << "keys set-usage anthropic" << openAiAdminKey << "enter it in the OpenAI field";
    }

    void eachKindIsRefusedInTheOthersPlace()
    {
        QFETCH(QString, command);
        QFETCH(QByteArray, key);
        QFETCH(QString, message);
        const Run set = cli(command.split(QLatin1Char(' ')), key);
        QCOMPARE(set.exitCode, 2);
        QCOMPARE(set.err.count('\n'), 1);
        QVERIFY2(set.err.contains(message.toUtf8()), set.err.constData());
        QVERIFY(m_provider.requests.isEmpty());
        QVERIFY(keychainLookup(usageAccount("anthropic")).isEmpty());
        QVERIFY(keychainLookup(account({}, "anthropic")).isEmpty());
        QVERIFY(usageRow(QStringLiteral("anthropic")).isEmpty());
    }

    // An Admin may run actions on keys, but a usage key can manage the provider organisation: the Owner's alone.
    void onlyAnOwnerChangesAUsageKey()
    {
        m_provider.route("/usage_report/", 200, report);
        QCOMPARE(cli(words("keys set-usage anthropic"), anthropicAdminKey).exitCode, 0);
        const QString me = Environment::currentUserName();
        {
            auto ledger = TestSupport::openLedger(m_db, me);
            QVERIFY(ledger->directory().setMember(QStringLiteral("someone-else"), Role::Owner).ok());
            QVERIFY(ledger->directory().setMember(me, Role::Admin).ok());
        }
        m_provider.requests.clear();
        for (const char* command :
             {"keys set-usage anthropic", "keys verify-usage anthropic", "keys remove-usage anthropic"}) {
            const Run r = cli(words(command), anthropicAdminKey);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("Changing usage keys needs the Owner role"), r.err.constData());
        }
        QVERIFY(m_provider.requests.isEmpty());
        QCOMPARE(keychainLookup(usageAccount("anthropic")), anthropicAdminKey);
        QCOMPARE(usageRow(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("active"));
        // An Admin still sees that it is set.
        QVERIFY(cli(words("keys status")).out.contains("Usage keys"));
        // A tenant has no usage key of its own.
        const Run tenant = cli(words("keys set-usage anthropic --tenant acme"), anthropicAdminKey);
        QCOMPARE(tenant.exitCode, 2);
        QVERIFY2(tenant.err.contains("A usage key is the install's"), tenant.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestUsageKeys)
#include "tst_usagekeys.moc"

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
    // A read-only analytics key looks like an API key; only Anthropic's answer tells them apart.
    const QByteArray analyticsKey = "sk-ant-api01-" + QByteArray(70, 'R') + "Ro9_ana1";
    const QByteArray analyticsPath = "/v1/organizations/analytics/usage_report";

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
        QVERIFY2(set.err.count('\n') == 1, set.err.constData()); // one sentence, nothing else
        QVERIFY2(set.err.contains(message.toUtf8()), set.err.constData());
        QVERIFY(m_provider.requests.isEmpty());
        QVERIFY(keychainLookup(usageAccount("anthropic")).isEmpty());
        QVERIFY(keychainLookup(account({}, "anthropic")).isEmpty());
        QVERIFY(usageRow(QStringLiteral("anthropic")).isEmpty());
    }

    // Where the provider offers a read-only key for its reports, one is accepted once the provider has read it a
    // report: asked first, with the beta the reports need, and kept only then, checked in one step.
    void aReadOnlyAnalyticsKeyIsAskedFirstAndKept()
    {
        m_provider.route(analyticsPath, 200, R"({"data":[],"next_page":null})");
        const Run set = cli(words("keys set-usage anthropic"), analyticsKey + "\n");
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QCOMPARE(m_provider.requests.size(), 1);
        const FakeProvider::Request& asked = m_provider.requests.first();
        QVERIFY2(asked.path.startsWith(analyticsPath + "?starting_at="), asked.path.constData());
        QVERIFY(asked.path.contains("bucket_width=1d"));
        QCOMPARE(asked.header("x-api-key"), analyticsKey);
        QCOMPARE(asked.header("anthropic-beta"), QByteArray("analytics-usage-cost-2026-08-24"));
        QCOMPARE(keychainLookup(usageAccount("anthropic")), analyticsKey);
        QVERIFY(keychainLookup(account({}, "anthropic")).isEmpty());
        QCOMPARE(usageRow(QStringLiteral("anthropic"))[QStringLiteral("state")].toString(), QStringLiteral("active"));
        QCOMPARE(keyAudit("anthropic"), QStringList{QStringLiteral("set usage key …ana1: active")});
        // An Admin key's check is not changed by it: it still reads the usage report, without the beta.
        m_provider.route("/v1/organizations/usage_report/messages", 200, report);
        m_provider.requests.clear();
        QCOMPARE(cli(words("keys set-usage anthropic"), anthropicAdminKey).exitCode, 0);
        QVERIFY(m_provider.requests.first().path.startsWith("/v1/organizations/usage_report/messages?"));
        QVERIFY(m_provider.requests.first().header("anthropic-beta").isEmpty());
        QCOMPARE(keyAudit("anthropic").last(), QStringLiteral("replaced usage key …ana1 → …adm1: active"));
    }

    // An API key that runs actions is refused as a usage key: the provider will not read it the reports, and it is
    // never kept, not even for a moment; a key already kept stays. Without an answer nothing is kept either.
    void anApiKeyIsRefusedAsAUsageKeyByTheProvider_data()
    {
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("said");
        QTest::newRow("401") << 401
                             << QByteArray(R"({"error":{"type":"authentication_error","message":"invalid x-api-key"}})")
                             << 1
                             << "Anthropic would not read its usage reports to this key (401): invalid x-api-key, so "
                                "it is not kept: an API key runs AI actions but cannot read them; enter an Admin key "
                                "(sk-ant-admin…) or a read-only analytics key.";
        QTest::newRow("403") << 403 << QByteArray(R"({"error":{"type":"permission_error","message":"no scope"}})") << 1
                             << "Anthropic would not read its usage reports to this key (403): no scope, so it is not "
                                "kept";
        QTest::newRow("500") << 500 << QByteArray("{}") << 3
                             << "Anthropic is having trouble (500); a usage key that is not an Admin key is kept only "
                                "once Anthropic has read it a report, so nothing was stored: try again when Anthropic "
                                "answers.";
    }

    void anApiKeyIsRefusedAsAUsageKeyByTheProvider()
    {
        QFETCH(int, httpStatus);
        QFETCH(QByteArray, body);
        QFETCH(int, exitCode);
        QFETCH(QString, said);
        // An Admin key is kept already; the refused key changes nothing of it.
        m_provider.route("/v1/organizations/usage_report/messages", 200, report);
        QCOMPARE(cli(words("keys set-usage anthropic"), anthropicAdminKey).exitCode, 0);
        const QStringList auditBefore = keyAudit("anthropic");
        m_provider.requests.clear();
        m_provider.route(analyticsPath, httpStatus, body);
        const Run set = cli(words("keys set-usage anthropic"), anthropicKey);
        QCOMPARE(set.exitCode, exitCode);
        QVERIFY2(set.err.count('\n') == 1, set.err.constData()); // one sentence, nothing else
        QVERIFY2(set.err.contains(said.toUtf8()), set.err.constData());
        QVERIFY(!set.err.contains(anthropicKey));
        QCOMPARE(m_provider.requests.size(), 1);
        QVERIFY(m_provider.requests.first().path.startsWith(analyticsPath));
        QCOMPARE(keychainLookup(usageAccount("anthropic")), anthropicAdminKey);
        QVERIFY(keychainLookup(account({}, "anthropic")).isEmpty());
        const QJsonObject usage = usageRow(QStringLiteral("anthropic"));
        QCOMPARE(usage[QStringLiteral("fingerprint")].toString(), QStringLiteral("adm1"));
        QCOMPARE(usage[QStringLiteral("state")].toString(), QStringLiteral("active"));
        QCOMPARE(keyAudit("anthropic"), auditBefore);
    }

    // Such a key cannot skip the provider's answer, which is all that tells it from an API key.
    void aKeyOnlyTheProviderCanTellIsNeverSetUnchecked()
    {
        const Run set = cli(words("keys set-usage anthropic --no-verify"), analyticsKey);
        QCOMPARE(set.exitCode, 2);
        QVERIFY2(set.err.contains("A usage key that is not an Admin key is kept only once Anthropic has read it a "
                                  "report, so it cannot be set without the check."),
                 set.err.constData());
        QVERIFY(m_provider.requests.isEmpty());
        QVERIFY(keychainLookup(usageAccount("anthropic")).isEmpty());
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

#include "TestSupport.h"

#include "model/Settings.h"
#include "words/AuditSentences.h"

// The audit trail's lines as the window words them: the provider and slot named, states and plans in the page's
// words, no raw token left; a line of an unknown form is shown as written.
class TestAuditSentences : public QObject
{
    Q_OBJECT

private slots:
    void linesAreWorded_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("said");
        QTest::newRow("key set") << "key.openai"
                                 << "set install key \u2026abcd: not_verified"
                                 << "OpenAI key"
                                 << "Set the install key \u2026abcd: Not verified.";
        QTest::newRow("key checked, request")
            << "key.anthropic"
            << "checked tenant acme key \u2026wxyz: invalid (request req_01ab)"
            << "Anthropic key"
            << "Checked the key of tenant acme \u2026wxyz: Invalid key (request req_01ab).";
        QTest::newRow("key removed") << "key.anthropic"
                                     << "removed install key \u2026wxyz"
                                     << "Anthropic key"
                                     << "Removed the install key \u2026wxyz.";
        QTest::newRow("key replaced") << "key.anthropic"
                                      << "replaced install key \u2026old1 \u2192 \u2026new2: active"
                                      << "Anthropic key"
                                      << "Replaced the install key \u2026old1 with \u2026new2: Active (BYOK).";
        QTest::newRow("usage key checked") << "key.anthropic"
                                           << "checked usage key \u2026adm1: active"
                                           << "Anthropic key"
                                           << "Checked the usage key \u2026adm1: Active.";
        QTest::newRow("usage key replaced") << "key.openai"
                                            << "replaced usage key \u2026old1 \u2192 \u2026new2: no_permission"
                                            << "OpenAI key"
                                            << "Replaced the usage key \u2026old1 with \u2026new2: No permission.";
        QTest::newRow("outside use") << "spend.anthropic"
                                     << "install key \u2026wxyz used on 2026-11-18 with no BYOK run recorded"
                                     << "Anthropic spend"
                                     << "2026-11-18: Anthropic reports the install's key \u2026wxyz used, and no BYOK "
                                        "run was recorded: the key was used outside this install, or runs were not "
                                        "recorded.";
        QTest::newRow("not seen") << "spend.openai"
                                  << "tenant acme key \u2026abcd: 1 BYOK runs recorded on 2026-11-19, none reported"
                                  << "OpenAI spend"
                                  << "2026-11-19: 1 BYOK run recorded on tenant acme's key \u2026abcd, and OpenAI "
                                     "reports no usage of it.";
        QTest::newRow("requests differ")
            << "spend.openai"
            << "install key \u2026abcd: 10 BYOK runs recorded on 2026-11-18, 20 requests reported"
            << "OpenAI spend"
            << "2026-11-18: 10 BYOK runs recorded on the install's key \u2026abcd, and OpenAI counts 20 requests.";
        QTest::newRow("key kept")
            << "key.openai"
            << "kept tenant beta key \u2026old1; new key \u2026new2 not stored: out_of_budget"
            << "OpenAI key"
            << "Kept the key of tenant beta \u2026old1; the new key \u2026new2 was not stored: Out of budget.";
        QTest::newRow("model") << "model.analysis"
                               << "claude-sonnet-4-6 -> claude-opus-4-6"
                               << "Model of Analysis & Triggers"
                               << "Claude Sonnet 4.6 \u2192 Claude Opus 4.6";
        QTest::newRow("plan") << "plan"
                              << "essentials -> professional"
                              << "Plan"
                              << "Essentials \u2192 Professional";
        QTest::newRow("anchor day") << "anchor_day"
                                    << "1 -> 15"
                                    << "Reset day"
                                    << "1 \u2192 15";
        QTest::newRow("time zone") << "time_zone"
                                   << "UTC -> Europe/Berlin"
                                   << "Time zone"
                                   << "UTC \u2192 Europe/Berlin";
        QTest::newRow("provider address") << "base_url.anthropic"
                                          << "default -> https://gw.example"
                                          << "Anthropic address"
                                          << "the default \u2192 https://gw.example";
        QTest::newRow("tenant renamed") << "tenant"
                                        << "renamed acme to \"Acme Retail\""
                                        << "Tenant"
                                        << "Renamed acme to \"Acme Retail\".";
        QTest::newRow("member") << "member"
                                << "bob is admin"
                                << "Member"
                                << "bob is now an Admin.";
        QTest::newRow("member removed") << "member"
                                        << "removed bob"
                                        << "Member"
                                        << "Removed bob.";
        QTest::newRow("import") << "usage"
                                << "imported 2 of 3 events (41 credits) from \"june.csv\""
                                << "Import"
                                << "Imported 2 of 3 events (41 credits) from \"june.csv\".";
        QTest::newRow("unknown form") << "key.anthropic"
                                      << "rotated by a later version"
                                      << "Anthropic key"
                                      << "rotated by a later version";
    }

    // A setting's label and kind in the activity log are its declaration's: one place says both.
    void everySettingIsNamedAndKindedByItsDeclaration()
    {
        for (const SettingDeclaration& d : Settings::declarations(TestSupport::catalog())) {
            if (!d.writable)
                continue;
            QVERIFY2(!d.label.isEmpty(), qPrintable(d.name));
            const AuditKind* kind = AuditKind::named(d.auditKind);
            QVERIFY2(kind && kind->covers(d.name), qPrintable(d.name + QStringLiteral(" in ") + d.auditKind));
            const AuditEntry e{0, QStringLiteral("root"), d.name, QStringLiteral("a -> b")};
            QCOMPARE(AuditSentences::subject(e, TestSupport::catalog()), d.label);
            QCOMPARE(e.kind(), d.auditKind);
        }
    }

    void linesAreWorded()
    {
        QFETCH(QString, subject);
        QFETCH(QString, change);
        const AuditEntry e{0, QStringLiteral("root"), subject, change};
        QTEST(AuditSentences::subject(e, TestSupport::catalog()), "what");
        QTEST(AuditSentences::change(e, TestSupport::catalog()), "said");
    }
};

QTEST_GUILESS_MAIN(TestAuditSentences)
#include "tst_auditsentences.moc"

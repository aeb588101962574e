#include "WindowFixture.h"

#include "words/Translations.h"

#include <QFile>
#include <QTimeZone>

// The key fields: saving and checking a key, each state's badge and advice, a check that hangs, replacing
// a key, keys held on another machine, and the models a key cannot use.
class TestWindowKeys : public WindowFixture
{
    Q_OBJECT

private slots:
    // The Keys section says whether the keychain can keep keys, once it is shown, and checks again on request.
    void theKeysSectionSaysWhetherTheKeychainWorks()
    {
        openWindow();
        auto* line = find<QLabel>("keychainStatusLabel");
        auto* again = find<QPushButton>("keychainCheckButton");
        QVERIFY(line->text().isEmpty()); // not probed before the keys are shown
        m_window->page()->showSection(QStringLiteral("keys"));
        QTRY_COMPARE_WITH_TIMEOUT(line->text(), QStringLiteral("The keychain works: keys can be kept here."), 12000);
        QVERIFY(again->isEnabled());
        again->click();
        QCOMPARE(line->text(), QStringLiteral("Keychain: checking…"));
        QVERIFY(!again->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(again->isEnabled(), 12000);
        QVERIFY(line->text().endsWith(QStringLiteral("keys can be kept here.")));
    }

    void typingAKeyAndSavingTurnsTheBadgeActive()
    {
        openWindow();
        QCOMPARE(badgeState("anthropic"), QStringLiteral("not_set"));
        auto* edit = find<QLineEdit>("anthropicKeyEdit");
        auto* save = find<QPushButton>("anthropicSaveButton");
        auto* show = find<QWidget>("anthropicShowButton");
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!save->isEnabled());
        QVERIFY(!show->isEnabled()); // nothing typed, nothing to show
        edit->setFocus();
        QTest::keyClicks(edit, anthropicKey);
        QVERIFY(save->isEnabled());
        QVERIFY(show->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(badgeState("anthropic"), QStringLiteral("checking"));
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("active"), 20000);
        QCOMPARE(find<QLabel>("anthropicStatusBadge")->text(), QStringLiteral("✓ Active (BYOK)"));

        // The widget let go of the key; it shows only the masked form, and the keychain has the key.
        QVERIFY(edit->text().isEmpty());
        QCOMPARE(edit->placeholderText(), QStringLiteral("sk-ant-••••••••wxyz"));
        QVERIFY(!show->isEnabled());
        QVERIFY(!find<QLabel>("anthropicMessageLabel")->isVisible());
        QVERIFY(find<QLabel>("keyInForceLabel")
                    ->text()
                    .contains(QStringLiteral("Anthropic actions use the install's key: Active (BYOK).")));
        QVERIFY(find<QTableWidget>("creditCostsTable")->item(1, 3)->text().startsWith(QStringLiteral("0 credits")));
        KeyVault vault;
        QSignalSpy noSignal(this, &QObject::destroyed);
        std::optional<QString> stored;
        bool read = false;
        vault.read({ledger()->settings().current()->installId, {}, QStringLiteral("anthropic")},
                   [&](Result<std::optional<QString>> r) {
                       read = true;
                       if (r)
                           stored = r.value();
                   });
        QTRY_VERIFY_WITH_TIMEOUT(read, 15000);
        QCOMPARE(stored.value_or(QString()), anthropicKey);
        QCOMPARE(ledger()->keys().keyRecord({}, QStringLiteral("anthropic"))->fingerprint, QStringLiteral("wxyz"));

        // Remove asks first, then the actions go back to credits.
        const QString question = answerNextDialog(
            QMessageBox::Yes, [&] { QTest::mouseClick(find<QPushButton>("anthropicRemoveButton"), Qt::LeftButton); });
        QVERIFY(question.contains(QStringLiteral("Remove the Anthropic key")));
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("not_set"), 15000);
        QVERIFY(find<QLabel>("keyInForceLabel")->text().contains(QStringLiteral("Anthropic actions use AI credits.")));
    }

    // The usage key has its own part of the Keys section: an Admin key is saved, checked against the usage report and
    // shown masked and "Active" (not BYOK); the BYOK field stays empty; an API key is refused there (the provider
    // will not read it the reports) and kept to be corrected; an Admin sees the usage key's state but may not change
    // it.
    void aUsageKeyIsSavedInItsOwnPart()
    {
        openWindow();
        m_window->page()->showSection(QStringLiteral("keys"));
        const QString adminKey =
            QStringLiteral("sk-ant-admin01-") + QString(70, QLatin1Char('A')) + QStringLiteral("Qw3_adm1");
        m_provider.route("/v1/organizations/usage_report/messages", 200, R"({"data":[],"has_more":false})");
        auto* edit = find<QLineEdit>("anthropicUsageKeyEdit");
        auto* save = find<QPushButton>("anthropicUsageSaveButton");
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QCOMPARE(edit->placeholderText(),
                 QStringLiteral("Paste an Admin key (sk-ant-admin…) or a read-only analytics key"));
        QCOMPARE(badgeState("anthropicUsage"), QStringLiteral("not_set"));

        // An API key looks like a read-only analytics key: the provider is asked, refuses to read it the reports,
        // and the key is not kept; it stays in the field to be corrected.
        m_provider.route("/v1/organizations/analytics/usage_report", 401,
                         R"({"error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        QTest::keyClicks(edit, anthropicKey);
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(find<QLabel>("anthropicUsageMessageLabel")
                                      ->text()
                                      .contains(QStringLiteral("Anthropic would not read its usage reports to this "
                                                               "key (401): invalid x-api-key, so it is not kept")),
                                  qPrintable(find<QLabel>("anthropicUsageMessageLabel")->text()), 20000);
        QCOMPARE(edit->text(), anthropicKey);
        QCOMPARE(m_provider.requests.size(), 1);
        QCOMPARE(badgeState("anthropicUsage"), QStringLiteral("not_set"));
        QCOMPARE(ledger()->keys().usageKey(QStringLiteral("anthropic"))->state, KeyState::NotSet);

        edit->clear();
        QTest::keyClicks(edit, adminKey);
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropicUsage"), QStringLiteral("active"), 20000);
        QCOMPARE(find<QLabel>("anthropicUsageStatusBadge")->text(), QStringLiteral("✓ Active"));
        QVERIFY(edit->text().isEmpty());
        QCOMPARE(edit->placeholderText(), QStringLiteral("sk-ant-••••••••adm1"));
        QVERIFY(m_provider.requests.last().path.startsWith("/v1/organizations/usage_report/messages?"));
        QCOMPARE(badgeState("anthropic"), QStringLiteral("not_set"));
        QCOMPARE(find<QLineEdit>("anthropicKeyEdit")->placeholderText(), QStringLiteral("Paste your key (sk-ant-…)"));
        QCOMPARE(ledger()->keys().usageKey(QStringLiteral("anthropic"))->fingerprint, QStringLiteral("adm1"));

        // An Admin reads its state and why the field is closed.
        m_window.reset();
        {
            auto owner = ledger();
            QVERIFY(owner->directory().setMember(QStringLiteral("someone-else"), Role::Owner).ok());
            QVERIFY(owner->directory().setMember(Environment::currentUserName(), Role::Admin).ok());
        }
        openWindow();
        m_window->page()->showSection(QStringLiteral("keys"));
        QCOMPARE(badgeState("anthropicUsage"), QStringLiteral("active"));
        QVERIFY(!find<QLineEdit>("anthropicUsageKeyEdit")->isEnabled());
        QVERIFY(!find<QPushButton>("anthropicUsageRemoveButton")->isEnabled());
        QCOMPARE(find<QLabel>("anthropicUsageMessageLabel")->text(),
                 QStringLiteral("⚠ Only an Owner can change a usage key."));
        QVERIFY(find<QLineEdit>("anthropicKeyEdit")->isEnabled()); // an Admin's own keys stay open
    }

    void aRejectedKeyTurnsTheBadgeRedWithTheProvidersMessage()
    {
        m_provider.respond(401,
                           R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        openWindow();
        auto* edit = find<QLineEdit>("anthropicKeyEdit");
        edit->setFocus();
        QTest::keyClicks(edit, anthropicKey);
        QTest::keyClick(edit, Qt::Key_Return); // Enter saves too
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("invalid"), 20000);
        QCOMPARE(find<QLabel>("anthropicStatusBadge")->text(), QStringLiteral("✕ Invalid key"));
        auto* message = find<QLabel>("anthropicMessageLabel");
        m_window->page()->showSection(QStringLiteral("keys"));
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("Anthropic rejected the key (401): invalid x-api-key.")),
                 qPrintable(message->text()));
        QVERIFY(!message->text().contains(anthropicKey.right(12)));
        // The key stays stored as invalid, and Test checks it again once the provider accepts it.
        m_provider.respond(200, models);
        QTest::mouseClick(find<QPushButton>("anthropicTestButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("active"), 20000);
        QVERIFY(!message->isVisible());
    }

    void theWindowKeepsAnsweringWhileACheckHangs()
    {
        openWindow();
        auto* edit = find<QLineEdit>("anthropicKeyEdit");
        edit->setFocus();
        QTest::keyClicks(edit, anthropicKey);
        m_provider.stall();
        QTest::mouseClick(find<QPushButton>("anthropicSaveButton"), Qt::LeftButton);
        QCOMPARE(badgeState("anthropic"), QStringLiteral("checking"));
        // While the provider says nothing, the page takes input and repaints.
        auto* combo = find<QComboBox>("modelContentCombo");
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(m_window->page()->dirtySections().size(), 1);
        QCOMPARE(badgeState("anthropic"), QStringLiteral("checking"));
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(10);
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 5, 1000);
        // The check gives up within its bound and says why; Test tries again.
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("not_verified"), 15000);
        QVERIFY(find<QLabel>("anthropicMessageLabel")->text().contains(QStringLiteral("did not answer")));
        m_provider.respond(200, models);
        QTest::mouseClick(find<QPushButton>("anthropicTestButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("active"), 20000);
    }

    void eachKeyStateHasItsOwnBadgeAndAdvice_data()
    {
        QTest::addColumn<KeyState>("state");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("badge");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("cost"); // of content generation, in the costs table
        QTest::newRow("active") << KeyState::Active << "active"
                                << "✓ Active (BYOK)"
                                << ""
                                << "0 credits (your Anthropic key; 5 otherwise)";
        QTest::newRow("invalid")
            << KeyState::Invalid << "invalid"
            << "✕ Invalid key"
            << "To rotate it: revoke it at console.anthropic.com, paste a new key here and press Save."
            << "refused: the Anthropic key is invalid";
        QTest::newRow("out of budget") << KeyState::OutOfBudget << "out_of_budget"
                                       << "$ Out of budget"
                                       << "spend limit"
                                       << "refused: the Anthropic key is out of budget";
        QTest::newRow("throttled") << KeyState::Throttled << "throttled"
                                   << "‖ Throttled"
                                   << "It is checked again automatically at"
                                   << "0 credits (your Anthropic key; 5 otherwise)";
        QTest::newRow("not verified") << KeyState::NotVerified << "not_verified"
                                      << "? Not verified"
                                      << "did not answer"
                                      << "0 credits (your Anthropic key; 5 otherwise)";
    }

    void eachKeyStateHasItsOwnBadgeAndAdvice()
    {
        QFETCH(KeyState, state);
        QFETCH(QString, message);
        const char* reasons[] = {"", "Anthropic rejected the key (401): invalid x-api-key.",
                                 "Anthropic did not answer within 15 seconds.",
                                 "The Anthropic account behind this key is out of budget (429); raise its spend limit "
                                 "or add credit at console.anthropic.com.",
                                 "Anthropic is limiting requests (429); check again in 3600 seconds."};
        recordKeyState({}, state,
                       state == KeyState::Throttled
                           ? std::optional<qint64>(QDateTime::currentMSecsSinceEpoch() + 3600000)
                           : std::nullopt,
                       reasons[int(state) - 1]);
        openWindow();
        QTEST(badgeState("anthropic"), "id");
        QTEST(find<QLabel>("anthropicStatusBadge")->text(), "badge");
        auto* label = find<QLabel>("anthropicMessageLabel");
        m_window->page()->showSection(QStringLiteral("keys"));
        QCOMPARE(label->isVisible(), !message.isEmpty());
        QVERIFY2(label->text().contains(message), qPrintable(label->text()));
        QTEST(find<QTableWidget>("creditCostsTable")->item(1, 3)->text(), "cost");
        QVERIFY(find<QLabel>("anthropicConsoleLink")
                    ->text()
                    .contains(QStringLiteral("href=\"https://console.anthropic.com\"")));
        const QString estimate = find<QLabel>("estimateLabel")->text();
        QCOMPARE(estimate.contains(QStringLiteral("Refused until the key is fixed")), keyStateRefusesActions(state));
        QVERIFY(m_provider.requests.isEmpty()); // checked just now: nothing to check again
    }

    // The ledger keeps a check's verdict as facts, so a German window words it in German; the provider's own
    // words stay as it said them.
    void aVerdictIsToldInTheUsersLanguage()
    {
        recordKeyState({}, KeyState::Invalid, std::nullopt,
                       "Anthropic rejected the key (401, request req_42): invalid x-api-key.");
        Translations::install(QLocale(QLocale::German, QLocale::Germany));
        openWindow();
        m_window->page()->showSection(QStringLiteral("keys"));
        const QString shown = find<QLabel>("anthropicMessageLabel")->text();
        m_window.reset();
        TestSupport::speakEnglish();
        QVERIFY2(shown.contains(
                     QStringLiteral("Anthropic hat den Schlüssel abgelehnt (401, Anfrage req_42): invalid x-api-key.")),
                 qPrintable(shown));
        QVERIFY2(!shown.contains(QStringLiteral("rejected the key")), qPrintable(shown));
    }

    // What the page promises depends on who reads it: a Viewer's window does not check keys by itself.
    void aViewerIsToldOnlyWhatItsWindowDoes()
    {
        recordKeyState({}, KeyState::Throttled, QDateTime::currentMSecsSinceEpoch() + 3600000,
                       "Anthropic is limiting requests (429); check again in 3600 seconds.");
        {
            auto owner = ledger();
            QVERIFY(owner->directory().setMember(QStringLiteral("someone-else"), Role::Owner).ok());
        }
        QVERIFY(ledger(QStringLiteral("someone-else"))
                    ->directory()
                    .setMember(Environment::currentUserName(), Role::Viewer)
                    .ok());
        openWindow();
        const QString text = find<QLabel>("anthropicMessageLabel")->text();
        QVERIFY2(text.contains(QStringLiteral("The provider said to ask again at")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("automatically")));
        QVERIFY(!find<QPushButton>("anthropicTestButton")->isEnabled());
    }

    void aKeyHeldOnAnotherMachineSaysWhere()
    {
        {
            auto l = ledger();
            KeyRecord r{{},
                        QStringLiteral("anthropic"),
                        KeyState::Active,
                        QStringLiteral("wxyz"),
                        l->now(),
                        {},
                        {},
                        std::nullopt,
                        {},
                        QStringLiteral("alice@desk-7")};
            QVERIFY(l->keys().setKeyRecord(r, KeyChange::Set).ok());
        }
        openWindow();
        QCOMPARE(badgeState("anthropic"), QStringLiteral("active"));
        QVERIFY(find<QLabel>("anthropicMessageLabel")
                    ->text()
                    .contains(QStringLiteral("kept in the keychain of alice on desk-7; Test and Remove work there.")));
        QVERIFY(!find<QPushButton>("anthropicTestButton")->isEnabled());
        QVERIFY(!find<QPushButton>("anthropicRemoveButton")->isEnabled());
        QVERIFY(find<QLineEdit>("anthropicKeyEdit")->isEnabled()); // a new key can still be saved here
    }

    void aDowngradedTenantKeyIsShownUnused()
    {
        // Professional since last period, then Essentials: the downgrade holds from this period's start.
        auto l = ledger();
        l->setClock(Clock::fixedAt(QDateTime::currentMSecsSinceEpoch() - 45LL * 86400000));
        QVERIFY(l->settings().setPlan(QStringLiteral("professional")).ok());
        QVERIFY(l->directory().addTenant(QStringLiteral("acme"), {}).ok());
        recordKeyState(QStringLiteral("acme"), KeyState::Active);
        QVERIFY(l->settings().setPlan(QStringLiteral("essentials")).ok());
        l.reset();
        openWindow();
        auto* tenants = find<QComboBox>("tenantCombo");
        tenants->setFocus();
        QTest::keyClick(tenants, Qt::Key_Down);
        read();
        // The Overview shows what is in force (no key: credits), and names the unused key beside it.
        QCOMPARE(find<Ui::StatusBadge>("anthropicOverviewBadge")->property("state").toString(),
                 QStringLiteral("not_set"));
        QCOMPARE(find<QLabel>("anthropicOverviewKeyLabel")->text(),
                 QStringLiteral("Anthropic: no key; its actions use AI credits. This tenant's own key "
                                "(sk-ant-••••••••wxyz) is not used on this plan."));
        QCOMPARE(badgeState("anthropic"), QStringLiteral("unused"));
        QCOMPARE(find<QLabel>("anthropicStatusBadge")->text(), QStringLiteral("○ Unused"));
        QVERIFY(find<QLabel>("anthropicMessageLabel")
                    ->text()
                    .contains(QStringLiteral("Not used: the Essentials plan does not allow tenant keys")));
        QVERIFY(find<QPushButton>("anthropicRemoveButton")->isEnabled()); // it can still be removed
        QVERIFY(!find<QPushButton>("anthropicTestButton")->isEnabled());
        QVERIFY(find<QTableWidget>("creditCostsTable")->item(1, 3)->text().startsWith(QStringLiteral("5 credits")));
    }

    void replacingAnActiveKeyAsksFirstAndARejectedKeyChangesNothing()
    {
        setKeyWithTheCli(anthropicKey);
        openWindow();
        QCOMPARE(badgeState("anthropic"), QStringLiteral("active"));
        const qsizetype asked = m_provider.requests.size();
        typeKey("anthropic", replacementKey);
        Ui::Ask::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(find<QPushButton>("anthropicSaveButton"), Qt::LeftButton);
        QCOMPARE(Ui::Ask::lastQuestion(), QStringLiteral("Replace the active Anthropic key ending wxyz?"));
        QCOMPARE(m_provider.requests.size(), asked); // cancelled: nothing was sent
        QCOMPARE(find<QLineEdit>("anthropicKeyEdit")->text(), replacementKey);

        m_provider.respond(401,
                           R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        Ui::Ask::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(find<QPushButton>("anthropicSaveButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("active"), 20000);
        QCOMPARE(m_provider.requests.last().header("x-api-key"), replacementKey.toUtf8());
        auto* message = find<QLabel>("anthropicMessageLabel");
        QVERIFY2(message->text().contains(
                     QStringLiteral("rejected the key (401): invalid x-api-key; the stored key ending wxyz is kept")),
                 qPrintable(message->text()));
        QCOMPARE(find<QLineEdit>("anthropicKeyEdit")->text(), replacementKey); // kept, with the reason
        QCOMPARE(ledger()->keys().keyRecord({}, QStringLiteral("anthropic"))->fingerprint, QStringLiteral("wxyz"));
        QCOMPARE(ledger()->keys().keyRecord({}, QStringLiteral("anthropic"))->state, KeyState::Active);
    }

    void aReplacementWithoutAVerdictIsConfirmedFirst()
    {
        setKeyWithTheCli(anthropicKey);
        openWindow();
        m_provider.respond(503, R"({"type":"error","error":{"type":"api_error","message":"unavailable"}})");
        typeKey("anthropic", replacementKey);
        Ui::Ask::setNextAnswer(QMessageBox::Yes); // replace the active key
        Ui::Ask::setNextAnswer(QMessageBox::Yes); // even though the new one could not be checked
        QTest::mouseClick(find<QPushButton>("anthropicSaveButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("not_verified"), 20000);
        QCOMPARE(Ui::Ask::pendingAnswers(), 0);
        QCOMPARE(Ui::Ask::lastQuestion(),
                 QStringLiteral("The new key is not confirmed to work: Anthropic is having trouble (503). Replace the "
                                "stored key ending wxyz with it anyway?"));
        QCOMPARE(ledger()->keys().keyRecord({}, QStringLiteral("anthropic"))->fingerprint, QStringLiteral("rpl9"));
        QVERIFY(find<QLineEdit>("anthropicKeyEdit")->text().isEmpty()); // stored: the widget let go of it
    }

    void modelsTheKeyCannotUseAreMarkedAndRefused()
    {
        setKeyWithTheCli(anthropicKey); // its list: Sonnet 4.6 and Opus 4.6
        openWindow();
        auto* analysis = find<QComboBox>("modelAnalysisCombo");
        const int sonnet45 = analysis->findData(QStringLiteral("claude-sonnet-4-5"));
        QVERIFY(analysis->itemText(sonnet45).endsWith(QStringLiteral("not available with your key")));
        QVERIFY(!analysis->itemText(analysis->findData(QStringLiteral("claude-opus-4-6")))
                     .contains(QStringLiteral("not available")));
        auto* listLabel = find<QLabel>("keyModelsLabel");
        m_window->page()->showSection(QStringLiteral("models"));
        QVERIFY(listLabel->isVisible());
        QVERIFY(listLabel->text().contains(QStringLiteral("were read from Anthropic on")));
        analysis->setCurrentIndex(sonnet45);
        QTest::mouseClick(find<QPushButton>("applyChangesButton"), Qt::LeftButton);
        QVERIFY2(find<QLabel>("modelsMessageLabel")->text().contains(QStringLiteral("cannot use Claude Sonnet 4.5")),
                 qPrintable(find<QLabel>("modelsMessageLabel")->text()));
        QCOMPARE(ledger()->settings().current()->slotModels.value(QStringLiteral("analysis")),
                 QStringLiteral("claude-sonnet-4-6"));
        QVERIFY(find<QPushButton>("applyChangesButton")->isEnabled()); // the choice stays, to be changed
        // The refusal is about that choice: it goes when the choice does.
        analysis->setCurrentIndex(analysis->findData(QStringLiteral("claude-opus-4-6")));
        QVERIFY(find<QLabel>("modelsMessageLabel")->text().isEmpty());
    }

    void staleKeysAreCheckedAgainWhenTheWindowOpens()
    {
        setKeyWithTheCli(anthropicKey);
        {
            auto l = ledger();
            KeyRecord old = l->keys().keyRecord({}, QStringLiteral("anthropic")).value();
            old.checkedAt = l->now() - Ui::Session::staleAfterMs - 60000;
            QVERIFY(l->keys().setKeyRecord(old, KeyChange::Checked).ok());
        }
        m_provider.requests.clear();
        m_provider.respond(401,
                           R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}})");
        openWindow();
        // The page is up and usable while the check runs in the background.
        QVERIFY(find<QComboBox>("modelContentCombo")->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(badgeState("anthropic"), QStringLiteral("invalid"), 20000);
        QCOMPARE(m_provider.requests.size(), 1);
        const qint64 checked = *ledger()->keys().keyRecord({}, QStringLiteral("anthropic"))->checkedAt;
        QVERIFY(ledger()->now() - checked < 60000);
    }

    void aKeyInTheWrongFieldIsRefusedAndKeptForCorrection()
    {
        openWindow();
        auto* edit = find<QLineEdit>("openaiKeyEdit");
        edit->setFocus();
        QTest::keyClicks(edit, anthropicKey);
        QTest::mouseClick(find<QPushButton>("openaiSaveButton"), Qt::LeftButton);
        auto* message = find<QLabel>("openaiMessageLabel");
        QVERIFY2(message->text().contains(QStringLiteral("Anthropic")), qPrintable(message->text()));
        QVERIFY(!message->text().contains(anthropicKey.right(12)));
        QCOMPARE(edit->text(), anthropicKey); // kept, to be moved to the right field
        QCOMPARE(badgeState("openai"), QStringLiteral("not_set"));
        QCOMPARE(ledger()->keys().keyRecord({}, QStringLiteral("openai"))->state, KeyState::NotSet);
        QVERIFY(m_provider.requests.isEmpty() || m_provider.requests.last().path != "/v1/models" ||
                m_provider.requests.last().header("authorization").isEmpty());
    }

    // The providers' own books in the window: read by themselves as the window opens (never synced: due), shown in
    // Provider spend with the same dollars as `spend report`, the planted difference found; a second sync within
    // the minute is declined; with the provider gone the window shows the last sync and its time, and nothing waits.
    // With a read-only analytics key the window shows the whole organisation's dollars per model and day, says
    // why the install's key has none of its own, and finds nothing.
    void aReadOnlyKeysBooksAreTheOrganisations()
    {
        setKeyWithTheCli(anthropicKey);
        const QByteArray analyticsKey = "sk-ant-api01-" + QByteArray(70, 'R') + "Ro9_ana1";
        const QDate yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1);
        const QByteArray day = yesterday.toString(Qt::ISODate).toLatin1();
        m_provider.clearRoutes();
        m_provider.route("/v1/organizations/analytics/usage_report", 200,
                         R"({"data":[{"starting_at":")" + day +
                             R"(T00:00:00Z","results":[{"uncached_input_tokens":1000000,"output_tokens":0,)"
                             R"("model":"claude-sonnet-4-6"}]}],"next_page":null})");
        m_provider.route("/v1/organizations/analytics/cost_report", 200,
                         R"({"data":[{"starting_at":")" + day +
                             R"(T00:00:00Z","results":[{"amount":"275","currency":"USD","model":"claude-sonnet-4-6",)"
                             R"("cost_type":"tokens","token_type":"uncached_input_tokens"}]}],"next_page":null})");
        const auto usage = runCli({QStringLiteral("--db"), m_db, QStringLiteral("keys"), QStringLiteral("set-usage"),
                                   QStringLiteral("anthropic")},
                                  analyticsKey);
        QVERIFY2(usage.exitCode == 0, usage.err.constData());
        m_provider.requests.clear();
        openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(ledger()->providers().lastSync(QStringLiteral("anthropic"))->has_value(), 10000);
        for (const FakeProvider::Request& r : m_provider.requests)
            QVERIFY2(r.path.startsWith("/v1/organizations/analytics/"), r.path.constData());

        auto l = ledger();
        const BillingPeriod running = l->settings().period(std::nullopt).value();
        const qint64 yesterdayNoon = QDateTime(yesterday, QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        m_window->page()->showSection(QStringLiteral("spend"));
        auto* combo = find<QComboBox>("spendPeriodCombo");
        QTRY_VERIFY_WITH_TIMEOUT(combo->count() == 3, 10000);
        if (!running.contains(yesterdayNoon)) {
            combo->setCurrentIndex(1);
            emit combo->activated(1);
        }
        auto* models = find<QTableWidget>("spendModels_anthropic");
        QTRY_COMPARE_WITH_TIMEOUT(models->rowCount(), 1, 10000);
        QCOMPARE(models->item(0, 0)->text(),
                 QStringLiteral("The whole organisation (its analytics reports name no key)"));
        QCOMPARE(models->item(0, 2)->text(), QStringLiteral("$2.75")); // billed: 275 cents
        QCOMPARE(models->item(0, 3)->text(), QStringLiteral("billed"));
        const QString holders = find<QLabel>("spendHolders_anthropic")->text();
        QVERIFY2(holders.startsWith(QStringLiteral("Read with a read-only analytics key: Anthropic's analytics "
                                                   "reports count the organisation's usage and cost per model")) &&
                     holders.contains(QStringLiteral("The install's key \u2026wxyz: not reported per key")),
                 qPrintable(holders));
        auto* chart = find<Ui::DailyChart>("spendChart_anthropic");
        QVERIFY2(chart->accessibleDescription().startsWith(
                     QStringLiteral("$2.75 used by the whole organisation in this period")),
                 qPrintable(chart->accessibleDescription()));
        QCOMPARE(find<QTableWidget>("spendDays_anthropic")->horizontalHeaderItem(1)->text(),
                 QStringLiteral("The whole organisation"));
        QCOMPARE(find<QLabel>("spendFindingsLabel")->text(),
                 QStringLiteral("The ledger and the providers' reports agree on every complete day held."));
    }

    void theProvidersBooksAreSyncedAndShown()
    {
        setKeyWithTheCli(anthropicKey);
        const QByteArray adminKey = "sk-ant-admin01-" + QByteArray(70, 'A') + "Qw3_adm1";
        m_provider.route("/v1/organizations/usage_report/messages", 200, R"({"data":[],"has_more":false})");
        const auto usage = runCli({QStringLiteral("--db"), m_db, QStringLiteral("keys"), QStringLiteral("set-usage"),
                                   QStringLiteral("anthropic")},
                                  adminKey);
        QVERIFY2(usage.exitCode == 0, usage.err.constData());
        // Yesterday (UTC), which the provider has finished counting: the install's key used, no BYOK run recorded.
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QDate yesterday = today.addDays(-1);
        const QByteArray day = yesterday.toString(Qt::ISODate).toLatin1();
        m_provider.clearRoutes();
        m_provider.route("/v1/organizations/usage_report/messages", 200,
                         R"({"data":[{"starting_at":")" + day +
                             R"(T00:00:00Z","results":[)"
                             R"({"uncached_input_tokens":1000000,"output_tokens":0,"api_key_id":"apikey_inst",)"
                             R"("model":"claude-sonnet-4-6"}]}],"has_more":false})");
        m_provider.route("/v1/organizations/cost_report", 200, R"({"data":[],"has_more":false})");
        m_provider.route("/v1/organizations/api_keys", 200,
                         R"({"data":[{"id":"apikey_inst","partial_key_hint":"sk-ant-api03-WWW...wxyz"}],)"
                         R"("has_more":false})");
        // Two content runs on the key the day before, which the provider did not count: the estimate shares
        // yesterday's counted tokens among them.
        const QString file = m_dir.filePath(QStringLiteral("runs.csv"));
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        const QByteArray before = yesterday.addDays(-1).toString(Qt::ISODate).toLatin1();
        csv.write("id,occurred_at,tenant,action,model,billing,credits\n"
                  "r1," +
                  before +
                  "T08:00:00Z,,content,claude-sonnet-4-6,byok,0\n"
                  "r2," +
                  before + "T09:00:00Z,,theme,claude-sonnet-4-6,byok,0\n");
        csv.close();
        const auto imported = runCli({QStringLiteral("--db"), m_db, QStringLiteral("import"), file});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        m_provider.requests.clear();
        openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(m_provider.requests.size() >= 3, 10000);
        QCOMPARE(m_provider.requests.first().header("x-api-key"), adminKey);
        QTRY_VERIFY_WITH_TIMEOUT(ledger()->providers().lastSync(QStringLiteral("anthropic"))->has_value(), 10000);

        // The period that holds yesterday: the running one, or, on a period's first day, the one before.
        auto l = ledger();
        const BillingPeriod running = l->settings().period(std::nullopt).value();
        const qint64 yesterdayNoon = QDateTime(yesterday, QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        const QString periodId = running.contains(yesterdayNoon)
                                     ? running.id()
                                     : l->settings().snapshot()->calendar->containing(yesterdayNoon).id();
        m_window->page()->showSection(QStringLiteral("spend"));
        auto* combo = find<QComboBox>("spendPeriodCombo");
        QTRY_VERIFY_WITH_TIMEOUT(combo->count() == 3, 10000);
        if (periodId != running.id()) {
            combo->setCurrentIndex(1);
            emit combo->activated(1);
        }
        auto* models = find<QTableWidget>("spendModels_anthropic");
        QTRY_COMPARE_WITH_TIMEOUT(models->rowCount(), 1, 10000);
        QCOMPARE(models->item(0, 0)->text(), QStringLiteral("The install's key \u2026wxyz"));
        QCOMPARE(models->item(0, 2)->text(), QStringLiteral("$3.00")); // 1,000,000 input tokens at $3 a million
        QCOMPARE(models->item(0, 3)->text(), QStringLiteral("at list prices"));
        // The chart has a bar for every day of the period; yesterday's tells its dollars.
        auto* chart = find<Ui::DailyChart>("spendChart_anthropic");
        QVERIFY(chart->isVisible());
        QVERIFY(chart->dayCount() >= 28);
        int shown = -1;
        for (int i = 0; i < chart->dayCount(); ++i)
            if (chart->describeDay(i).contains(QStringLiteral("$3.00 on this install's keys")))
                shown = i;
        QVERIFY2(shown >= 0, qPrintable(chart->accessibleDescription()));
        QVERIFY2(
            chart->accessibleDescription().startsWith(QStringLiteral("$3.00 on this install's keys in this period")),
            qPrintable(chart->accessibleDescription()));
        QVERIFY2(find<QLabel>("spendHeading_anthropic")->text().startsWith(QStringLiteral("Anthropic — synced ")),
                 qPrintable(find<QLabel>("spendHeading_anthropic")->text()));
        const QString findings = find<QLabel>("spendFindingsLabel")->text();
        QVERIFY2(findings.contains(QString::fromLatin1(day) +
                                   QStringLiteral(": Anthropic reports the install's key \u2026wxyz used, and no BYOK "
                                                  "run was recorded")),
                 qPrintable(findings));
        // The command line's books say the same.
        const auto report = runCli({QStringLiteral("--db"), m_db, QStringLiteral("spend"), QStringLiteral("report"),
                                    QStringLiteral("--json"), QStringLiteral("--period"), periodId});
        QVERIFY2(report.exitCode == 0, report.err.constData());
        const QJsonObject anthropic = QJsonDocument::fromJson(report.out)[QStringLiteral("providers")][0].toObject();
        QCOMPARE(anthropic[QStringLiteral("holders")][0][QStringLiteral("dollars")].toString(),
                 QStringLiteral("3.000000"));

        // Before Models applies Opus for the content slot it says what the runs on the key would have cost, by
        // hand: 1,000,000 input tokens for two runs, both the slot's: $3.00 at Sonnet 4.6's $3 a million, $5.00 at
        // Opus 4.6's $5; `models preview` says the same.
        const auto preview =
            runCli({QStringLiteral("--db"), m_db, QStringLiteral("models"), QStringLiteral("preview"),
                    QStringLiteral("content"), QStringLiteral("claude-opus-4-6"), QStringLiteral("--json")});
        QVERIFY2(preview.exitCode == 0, preview.err.constData());
        const QJsonObject dollars = QJsonDocument::fromJson(preview.out)[QStringLiteral("byok_dollars")].toObject();
        QCOMPARE(dollars[QStringLiteral("at_model")].toString(), QStringLiteral("3.000000"));
        QCOMPARE(dollars[QStringLiteral("at_new_model")].toString(), QStringLiteral("5.000000"));
        m_window->page()->showSection(QStringLiteral("models"));
        auto* content = find<QComboBox>("modelContentCombo");
        content->setCurrentIndex(content->findData(QStringLiteral("claude-opus-4-6")));
        const QString question = answerNextDialog(
            QMessageBox::No, [&] { QTest::mouseClick(find<QPushButton>("applyChangesButton"), Qt::LeftButton); });
        QVERIFY2(question.contains(QStringLiteral("By Anthropic's report, 2 runs of them from ")) &&
                     question.contains(QStringLiteral("cost about $3.00 at Claude Sonnet 4.6 and would have cost about "
                                                      "$5.00 at Claude Opus 4.6")),
                 qPrintable(question));
        m_window->page()->models()->discard();
        m_window->page()->showSection(QStringLiteral("spend"));

        // A sync asked for within the minute is declined, and says when to ask again.
        const int asked = int(m_provider.requests.size());
        QTest::mouseClick(find<QPushButton>("spendSyncButton"), Qt::LeftButton);
        QVERIFY2(find<QLabel>("spendStatusLabel")->text().contains(QStringLiteral("at most once a minute")),
                 qPrintable(find<QLabel>("spendStatusLabel")->text()));
        QCOMPARE(int(m_provider.requests.size()), asked);
        QVERIFY(find<QPushButton>("spendSyncButton")->isVisible());

        // The provider gone: the window opens on what was read, with its time, and asks nothing (synced < 1 h).
        m_window.reset();
        qputenv("ANTHROPIC_BASE_URL", "http://127.0.0.1:9");
        openWindow();
        qputenv("ANTHROPIC_BASE_URL", m_provider.baseUrl().toString().toUtf8());
        m_window->page()->showSection(QStringLiteral("spend"));
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>("spendHeading_anthropic")->text().contains(QStringLiteral("synced")),
                                 10000);
        QVERIFY(!find<QLabel>("spendHeading_anthropic")->text().contains(QStringLiteral("never")));
        QCOMPARE(int(m_provider.requests.size()), asked);
    }
};

QTEST_MAIN(TestWindowKeys)
#include "tst_windowkeys.moc"

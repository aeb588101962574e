#include "DeskFixture.h"

#include <QScrollBar>

// The organisation in the window: an Owner runs plan, period, tenants and members; a Viewer sees them
// read-only and an Admin leaves the plan to the Owner.
class TestOrganisation : public DeskFixture
{
    Q_OBJECT

private:
    QListWidgetItem* sidebarItem(const QString& name)
    {
        auto* list = find<QListWidget>("sectionList");
        return list->item(int(page()->sectionNames().indexOf(name)));
    }

private slots:
    // Every setting the window edits is a field made from its declaration: its name gives the widget's, its label
    // the screen reader's name, its form label the label beside it, its range or choices (values, texts, order)
    // what the widget offers.
    void everyFormFieldIsMadeFromItsDeclaration()
    {
        ledger();
        openWindow();
        int fields = 0;
        for (const SettingDeclaration& d : Settings::declarations(TestSupport::catalog())) {
            if (d.input == SettingInput::Text)
                continue; // the providers' addresses are set from the command line only
            QString objectName;
            for (const QString& word : d.name.split(QRegularExpression(QStringLiteral("[._]"))))
                objectName += objectName.isEmpty() ? word : word.left(1).toUpper() + word.mid(1);
            objectName += d.input == SettingInput::Number ? QStringLiteral("Spin") : QStringLiteral("Combo");
            auto* widget = m_window->findChild<QWidget*>(objectName);
            QVERIFY2(widget, qPrintable(objectName));
            ++fields;
            QCOMPARE(widget->accessibleName(), d.label);
            QLabel* label = nullptr;
            for (QLabel* l : m_window->findChildren<QLabel*>())
                if (l->buddy() == widget)
                    label = l;
            QVERIFY2(label, qPrintable(objectName));
            QCOMPARE(label->text(), d.field);
            if (auto* spin = qobject_cast<QSpinBox*>(widget)) {
                QCOMPARE(spin->minimum(), d.minimum);
                QCOMPARE(spin->maximum(), d.maximum);
                continue;
            }
            auto* combo = qobject_cast<QComboBox*>(widget);
            QVERIFY2(combo, qPrintable(objectName));
            const QVector<SettingChoice> choices = d.choices();
            QCOMPARE(combo->count(), int(choices.size()));
            for (int i = 0; i < combo->count(); ++i) {
                QCOMPARE(combo->itemData(i).toString(), choices[i].value);
                QVERIFY(combo->itemText(i).startsWith(choices[i].text)); // a model's may say what the key allows
            }
        }
        QCOMPARE(fields, 3 + int(TestSupport::catalog().modelSlots().size()));
    }

    // What the admin typed survives a refresh (another admin's change underneath included); the sections that
    // hold it are marked, and closing asks once about all of them.
    void aRefreshKeepsWhatIsTypedAndClosingAsksOnce()
    {
        ledger();
        openWindow();
        page()->showSection(QStringLiteral("organisation"));
        QCOMPARE(sidebarItem(QStringLiteral("organisation"))->text(), QStringLiteral("Organisation"));
        find<QSpinBox>("anchorDaySpin")->setValue(15);
        auto* plans = find<QComboBox>("planCombo");
        plans->setCurrentIndex(plans->findData(QStringLiteral("enterprise")));
        auto* content = find<QComboBox>("modelContentCombo");
        content->setCurrentIndex(content->findData(QStringLiteral("claude-opus-4-6")));
        QCOMPARE(sidebarItem(QStringLiteral("organisation"))->text(), QStringLiteral("Organisation *"));
        QCOMPARE(sidebarItem(QStringLiteral("models"))->text(), QStringLiteral("Models *"));
        QCOMPARE(sidebarItem(QStringLiteral("usage"))->text(), QStringLiteral("Usage"));
        QCOMPARE(page()->dirtySections().size(), 3);

        // Another admin changes the plan meanwhile; the refresh reads it, and still shows what was typed.
        QVERIFY(ledger()->settings().setPlan(QStringLiteral("professional")).ok());
        m_window->session()->refresh();
        read();
        QCOMPARE(find<QSpinBox>("anchorDaySpin")->value(), 15);
        QCOMPARE(plans->currentData().toString(), QStringLiteral("enterprise"));
        QCOMPARE(content->currentData().toString(), QStringLiteral("claude-opus-4-6"));
        QCOMPARE(ledger()->settings().current()->anchorDay, 1);

        // Going back to what is applied is not a change.
        find<QSpinBox>("anchorDaySpin")->setValue(1);
        QCOMPARE(page()->dirtySections().size(), 2);
        find<QSpinBox>("anchorDaySpin")->setValue(15);

        // One question for all of them; Cancel keeps the window and every field.
        Ui::Ask::setNextAnswer(QMessageBox::Cancel);
        QVERIFY(!m_window->close());
        const QString asked = Ui::Ask::lastQuestion();
        for (const char* section : {"Plan", "Billing Period", "Model Selection"})
            QVERIFY2(asked.contains(QLatin1String(section)), qPrintable(asked));
        // …and says what applying would do, as the Apply button would.
        QVERIFY2(asked.contains(QStringLiteral("An upgrade takes effect at once")), qPrintable(asked));
        QCOMPARE(find<QSpinBox>("anchorDaySpin")->value(), 15);

        // Apply applies every one of them.
        Ui::Ask::setNextAnswer(QMessageBox::Apply);
        QVERIFY(m_window->close());
        QCOMPARE(Ui::Ask::pendingAnswers(), 0);
        const auto applied = ledger()->settings().current();
        QCOMPARE(applied->anchorDay, 15);
        QCOMPARE(applied->plan->id, QStringLiteral("enterprise"));
        QCOMPARE(applied->slotModels.value(QStringLiteral("content")), QStringLiteral("claude-opus-4-6"));
    }

    // A new reset day on a ledger with usage waits for the running period's end: Apply shows the periods before
    // and after it first, Cancel changes nothing, and once made the running period keeps its dates.
    void aBillingPeriodChangeLeavesTheRunningPeriodAlone()
    {
        const Clock frozen = Clock::fixedAt(at("2026-11-22T12:00:00Z"));
        QVERIFY(TestSupport::recordAsItHappened(*ledger(frozen),
                                                {QStringLiteral("theme"), {}, at("2026-11-10T10:00:00Z"), {}})
                    .ok());
        openWindow(frozen);
        page()->showSection(QStringLiteral("organisation"));
        QVERIFY(find<QLabel>("pendingPeriodLabel")->isHidden());
        find<QSpinBox>("anchorDaySpin")->setValue(15);
        Ui::Ask::setNextAnswer(QMessageBox::Cancel);
        find<QPushButton>("applyChangesButton")->click();
        read();
        const QString preview = Ui::Ask::lastQuestion();
        for (const char* said : {"From 1 Dec 2026, credits will reset on day 15",
                                 "This period keeps its dates (1 Nov 2026 – 30 Nov 2026) and its allocation",
                                 "1 Dec 2026 – 14 Dec 2026 will be one period", "then 15 Dec 2026 – 14 Jan 2027"})
            QVERIFY2(preview.contains(QString::fromUtf8(said)), qPrintable(preview));
        QCOMPARE(ledger()->settings().current()->anchorDay, 1);
        QVERIFY(page()->dirtySections().size() == 1);

        Ui::Ask::setNextAnswer(QMessageBox::Yes);
        find<QPushButton>("applyChangesButton")->click();
        read();
        QCOMPARE(Ui::Ask::pendingAnswers(), 0);
        QCOMPARE(ledger()->settings().current()->anchorDay, 15);
        QVERIFY(page()->dirtySections().isEmpty());
        QVERIFY2(
            find<QLabel>("periodOutcomeLabel")->text().startsWith(QStringLiteral("From 1 Dec 2026, credits reset")),
            qPrintable(find<QLabel>("periodOutcomeLabel")->text()));
        QVERIFY(!find<QLabel>("pendingPeriodLabel")->isHidden());
        page()->showSection(QStringLiteral("usage"));
        QCOMPARE(find<QLabel>("periodLabel")->text(), QStringLiteral("1 Nov 2026 – 30 Nov 2026"));
        QCOMPARE(find<QProgressBar>("creditsProgressBar")->maximum(), 100);
        QVERIFY(find<QLabel>("creditNotesLabel")
                    ->text()
                    .contains(QStringLiteral("From 1 Dec 2026, credits reset on day 15")));
    }

    void closingCanDiscardWhatIsTyped()
    {
        ledger();
        openWindow();
        find<QSpinBox>("anchorDaySpin")->setValue(20);
        Ui::Ask::setNextAnswer(QMessageBox::Discard);
        QVERIFY(m_window->close());
        QCOMPARE(Ui::Ask::pendingAnswers(), 0);
        QCOMPARE(ledger()->settings().current()->anchorDay, 1);
        QCOMPARE(find<QSpinBox>("anchorDaySpin")->value(), 1);
        QVERIFY(page()->dirtySections().isEmpty());
        // With nothing to apply, closing asks nothing.
        m_window->show();
        QVERIFY(m_window->close());
    }

    void anOwnerRunsTheOrganisationFromTheWindow()
    {
        ledger();
        openWindow();
        page()->showSection(QStringLiteral("organisation"));
        const auto allocation = [&] { return ledger()->usage().report(std::nullopt, std::nullopt)->allocation; };

        // The plan: what a change does is said before it is made, and again after.
        auto* plans = find<QComboBox>("planCombo");
        QVERIFY(find<QLabel>("typicalUsageLabel")->text().contains(QStringLiteral("5 × theme generation")));
        QCOMPARE(find<QTableWidget>("usageMixTable")->rowCount(), 6);
        QCOMPARE(find<QTableWidget>("usageMixTable")->columnCount(), 5); // action, typical, three periods
        // The whole table shows, its last row and bottom border included: nothing scrolls inside it.
        auto* mix = find<QTableWidget>("usageMixTable");
        QApplication::processEvents();
        int rows = 0;
        for (int r = 0; r < mix->rowCount(); ++r)
            rows += mix->rowHeight(r);
        QVERIFY2(mix->viewport()->height() >= rows,
                 qPrintable(QStringLiteral("%1 < %2").arg(mix->viewport()->height()).arg(rows)));
        QCOMPARE(mix->verticalScrollBar()->maximum(), 0);
        plans->setCurrentIndex(plans->findData(QStringLiteral("professional")));
        QVERIFY(find<QLabel>("planEffectLabel")->text().startsWith(QStringLiteral("An upgrade takes effect at once")));
        Ui::Ask::setNextAnswer(QMessageBox::Yes);
        find<QPushButton>("applyChangesButton")->click();
        read();
        QCOMPARE(
            find<QLabel>("planOutcomeLabel")->text(),
            QStringLiteral(
                "Plan changed from Essentials to Professional: this period's allocation is 500 credits from now on."));
        QCOMPARE(allocation(), 500);
        QVERIFY(find<QLabel>("planOutcomeLabel")->isVisibleTo(m_window.get()));
        plans->setCurrentIndex(plans->findData(QStringLiteral("essentials")));
        // The outcome was about the upgrade; beside the downgrade's preview it would mislead.
        QVERIFY(!find<QLabel>("planOutcomeLabel")->isVisibleTo(m_window.get()));
        QVERIFY(find<QLabel>("planEffectLabel")
                    ->text()
                    .startsWith(QStringLiteral("A downgrade takes effect at the next period")));
        Ui::Ask::setNextAnswer(QMessageBox::Cancel);
        find<QPushButton>("applyChangesButton")->click();
        read();
        QCOMPARE(ledger()->settings().current()->plan->id,
                 QStringLiteral("professional")); // cancelled: nothing changed
        Ui::Ask::setNextAnswer(QMessageBox::Yes);
        find<QPushButton>("applyChangesButton")->click();
        read();
        QVERIFY2(find<QLabel>("planOutcomeLabel")->text().contains(QStringLiteral("at the next period")),
                 qPrintable(find<QLabel>("planOutcomeLabel")->text()));
        QCOMPARE(allocation(), 500);

        // The billing period, the zone found by typing part of its name.
        auto* zone = find<QComboBox>("timeZoneCombo");
        zone->completer()->setCompletionPrefix(QStringLiteral("berl"));
        QCOMPARE(zone->completer()->currentCompletion(), QStringLiteral("Europe/Berlin"));
        find<QSpinBox>("anchorDaySpin")->setValue(15);
        zone->setCurrentText(QStringLiteral("Europe/Berlin"));
        Ui::Ask::setNextAnswer(QMessageBox::Yes);
        find<QPushButton>("applyChangesButton")->click();
        read();
        QVERIFY(!find<QLabel>("periodOutcomeLabel")->property("failed").toBool());
        QCOMPARE(ledger()->settings().current()->anchorDay, 15);
        QCOMPARE(ledger()->settings().current()->timeZone, QStringLiteral("Europe/Berlin"));
        zone->setCurrentText(QStringLiteral("Mars/Olympus"));
        find<QPushButton>("applyChangesButton")->click();
        read();
        QVERIFY(
            find<QLabel>("periodOutcomeLabel")->text().contains(QStringLiteral("Unknown time zone \"Mars/Olympus\"")));
        QCOMPARE(ledger()->settings().current()->timeZone, QStringLiteral("Europe/Berlin")); // nothing half-saved

        // Tenants: none yet says what a tenant is instead of an empty table; add, a bad id refused with the
        // reason, rename, remove after saying what goes.
        auto* tenants = find<QTableWidget>("tenantsTable");
        QVERIFY(!find<QLabel>("noTenantsLabel")->isHidden());
        QVERIFY(tenants->isHidden());
        QTest::keyClicks(find<QLineEdit>("newTenantIdEdit"), QStringLiteral("acme"));
        QTest::keyClicks(find<QLineEdit>("newTenantNameEdit"), QStringLiteral("Acme Ltd"));
        QTest::keyClick(find<QLineEdit>("newTenantNameEdit"), Qt::Key_Return);
        read();
        QCOMPARE(tenants->rowCount(), 1);
        QVERIFY(find<QLabel>("noTenantsLabel")->isHidden() && !tenants->isHidden());
        QCOMPARE(tenants->item(0, 1)->text(), QStringLiteral("Acme Ltd"));
        QTest::keyClicks(find<QLineEdit>("newTenantIdEdit"), QStringLiteral("bad id!"));
        find<QPushButton>("addTenantButton")->click();
        read();
        QVERIFY(find<QLabel>("tenantsOutcomeLabel")->text().contains(QStringLiteral("is not valid")));
        QCOMPARE(tenants->rowCount(), 1);
        tenants->selectRow(0);
        auto* rename = find<QLineEdit>("renameTenantEdit");
        QCOMPARE(rename->text(), QStringLiteral("Acme Ltd"));
        rename->clear();
        QTest::keyClicks(rename, QStringLiteral("Acme Group"));
        find<QPushButton>("renameTenantButton")->click();
        read();
        QCOMPARE(ledger()->directory().tenants()->first().name, QStringLiteral("Acme Group"));
        QCOMPARE(find<QComboBox>("tenantCombo")->itemText(1),
                 QStringLiteral("Acme Group (acme)")); // the whole page follows
        tenants->selectRow(0);
        Ui::Ask::setNextAnswer(QMessageBox::Yes);
        find<QPushButton>("removeTenantButton")->click();
        read();
        QVERIFY(Ui::Ask::lastQuestion().contains(QStringLiteral("Its 0 events stay in the ledger")));
        QTRY_COMPARE(tenants->rowCount(), 0);

        // Members: add an Admin, the last Owner protected, remove after asking.
        auto* members = find<QTableWidget>("membersTable");
        QTest::keyClicks(find<QLineEdit>("memberUserEdit"), QStringLiteral("bob"));
        find<QComboBox>("memberRoleCombo")
            ->setCurrentIndex(find<QComboBox>("memberRoleCombo")->findData(QStringLiteral("admin")));
        find<QPushButton>("setMemberButton")->click();
        read();
        QCOMPARE(find<QLabel>("membersOutcomeLabel")->text(), QStringLiteral("bob is now an Admin."));
        QCOMPARE(members->rowCount(), 2);
        const QString me = Environment::currentUserName();
        for (int r = 0; r < members->rowCount(); ++r)
            if (members->item(r, 0)->text() == me)
                members->selectRow(r);
        QCOMPARE(find<QLineEdit>("memberUserEdit")->text(), me);
        find<QComboBox>("memberRoleCombo")
            ->setCurrentIndex(find<QComboBox>("memberRoleCombo")->findData(QStringLiteral("viewer")));
        find<QPushButton>("setMemberButton")->click();
        read();
        QVERIFY(find<QLabel>("membersOutcomeLabel")->text().contains(QStringLiteral("is the last Owner")));
        // Removing the last Owner is refused before any question is asked.
        const QString questionBefore = Ui::Ask::lastQuestion();
        find<QPushButton>("removeMemberButton")->click();
        read();
        QCOMPARE(Ui::Ask::lastQuestion(), questionBefore);
        QVERIFY(find<QLabel>("membersOutcomeLabel")->text().contains(QStringLiteral("is the last Owner")));
        QCOMPARE(members->rowCount(), 2);
        for (int r = 0; r < members->rowCount(); ++r)
            if (members->item(r, 0)->text() == QLatin1String("bob"))
                members->selectRow(r);
        Ui::Ask::setNextAnswer(QMessageBox::Yes);
        find<QPushButton>("removeMemberButton")->click();
        read();
        QCOMPARE(members->rowCount(), 1);

        // Every change is in the activity log.
        AuditFilter all;
        const auto trail = ledger()->audit().page(all, 0, 100);
        QStringList kinds;
        for (const AuditEntry& e : trail.value())
            kinds << e.kind();
        for (const char* kind : {"plan", "period", "tenant", "member"})
            QVERIFY2(kinds.contains(QLatin1String(kind)), kind);
    }

    void aViewerSeesTheOrganisationReadOnlyAndAnAdminLeavesThePlanToTheOwner()
    {
        const QString me = Environment::currentUserName();
        {
            auto owner = TestSupport::openLedger(m_db, QStringLiteral("someone-else"));
            QVERIFY(owner->directory().setMember(me, Role::Viewer).ok());
        }
        openWindow();
        page()->showSection(QStringLiteral("organisation"));
        for (const char* name : {"planCombo", "applyChangesButton", "anchorDaySpin", "timeZoneCombo",
                                 "revertChangesButton", "newTenantIdEdit", "addTenantButton", "removeTenantButton",
                                 "memberUserEdit", "setMemberButton", "removeMemberButton"})
            QVERIFY2(!find<QWidget>(name)->isEnabled(), name);
        QCOMPARE(find<QLabel>("planEffectLabel")->text(),
                 QStringLiteral("The install is on Essentials (100 credits a month). Only an Owner changes the plan."));
        // An empty ledger's first steps are an administrator's: the Viewer is told who takes them.
        page()->showSection(QStringLiteral("overview"));
        QVERIFY(find<QWidget>("firstStepsBox")->isVisible());
        QVERIFY(find<QLabel>("firstStepsLabel")
                    ->text()
                    .startsWith(QStringLiteral("An Owner or Admin can import past usage")));
        QVERIFY(!find<QWidget>("firstStepsImportButton")->isVisible());
        page()->showSection(QStringLiteral("organisation"));
        QVERIFY(find<QTableWidget>("membersTable")->rowCount() == 2); // reading stays open
        m_window.reset();

        {
            auto owner = TestSupport::openLedger(m_db, QStringLiteral("someone-else"));
            QVERIFY(owner->directory().setMember(me, Role::Admin).ok());
        }
        openWindow();
        QVERIFY(!find<QWidget>("planCombo")->isEnabled());
        QVERIFY(find<QWidget>("addTenantButton")->isEnabled());
        QVERIFY(find<QWidget>("anchorDaySpin")->isEnabled());
        m_window.reset();

        // Enterprise in force, Essentials from the next period: the Admin sees both, as the Owner does. One instant
        // for the changes and the window, so that a period's end between them (a run in a month's last seconds)
        // cannot put Essentials in force already.
        const Clock frozen = Clock::fixedAt(QDateTime::currentMSecsSinceEpoch());
        {
            auto owner = TestSupport::openLedger(m_db, QStringLiteral("someone-else"));
            owner->setClock(frozen);
            QVERIFY(owner->settings().setPlan(QStringLiteral("enterprise")).ok());
            QVERIFY(owner->settings().setPlan(QStringLiteral("essentials")).ok());
        }
        openWindow(frozen);
        QCOMPARE(find<QComboBox>("planCombo")->currentData().toString(), QStringLiteral("enterprise"));
        const QString effect = find<QLabel>("planEffectLabel")->text();
        QVERIFY2(effect.startsWith(QStringLiteral("The install is on Enterprise (2,000 credits a month) until this "
                                                  "period ends. The plan changes to Essentials (100 credits a month) "
                                                  "at the next period")) &&
                     effect.endsWith(QStringLiteral("Only an Owner changes the plan.")),
                 qPrintable(effect));
        QVERIFY2(find<QLabel>("typicalUsageLabel")->text().startsWith(QStringLiteral("Typical month on Enterprise")),
                 qPrintable(find<QLabel>("typicalUsageLabel")->text()));
    }
};

QTEST_MAIN(TestOrganisation)
#include "tst_organisation.moc"

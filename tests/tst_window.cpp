#include "WindowFixture.h"

#include <QListWidget>
#include <QProgressDialog>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStatusTipEvent>

// The window's numbers against the report, the progress bar, saving models, the read-only page of a Viewer,
// importing behind a progress dialog, the remembered size and a database that cannot be opened.
class TestWindow : public WindowFixture
{
    Q_OBJECT

private slots:
    void panelNumbersMatchTheReport()
    {
        recordSampleUsage();
        openWindow();
        compareWithReport(runningReportAsShown(), true);
        QVERIFY(find<QLabel>("remainingLabel")->text().contains(QStringLiteral("Unused credits do not roll over")));
        QVERIFY(find<QLabel>("planLabel")->text().startsWith(QStringLiteral("Professional plan")));

        // One tenant, chosen with the keyboard.
        auto* tenants = find<QComboBox>("tenantCombo");
        tenants->setFocus();
        QTest::keyClick(tenants, Qt::Key_Down);
        read();
        QCOMPARE(m_window->page()->selectedTenant(), QStringLiteral("acme"));
        compareWithReport(runningReportAsShown({QStringLiteral("--tenant"), QStringLiteral("acme")}), true);
        QVERIFY(find<QLabel>("creditNotesLabel")->text().contains(QStringLiteral("Tenant acme used")));

        // The period before, for offline review; Later comes back, and there is nothing later than now.
        auto* earlier = find<QPushButton>("previousPeriodButton");
        auto* later = find<QPushButton>("nextPeriodButton");
        QVERIFY(!later->isEnabled());
        QTest::mouseClick(earlier, Qt::LeftButton);
        read();
        const QString previous = m_window->page()->credits()->periodId();
        QVERIFY(!previous.isEmpty());
        compareWithReport(
            reportJson({QStringLiteral("--tenant"), QStringLiteral("acme"), QStringLiteral("--period"), previous}),
            false);
        QVERIFY(!earlier->isEnabled()); // nothing was used before it
        QVERIFY(later->isEnabled());
        QTest::mouseClick(later, Qt::LeftButton);
        read();
        QVERIFY(m_window->page()->credits()->periodId().isEmpty());
        QVERIFY(!later->isEnabled());
    }

    void progressBarWarnsAtEightyAndFullPercent()
    {
        {
            auto l = ledger();
            const qint64 start = l->usage().report(std::nullopt, std::nullopt)->period.start;
            for (int i = 0; i < 4; ++i) // 4 × 20 = 80 of 100
                QVERIFY(TestSupport::recordAsItHappened(*l, {QStringLiteral("trigger"), {}, start + i, {}}).ok());
        }
        openWindow();
        auto* bar = find<QProgressBar>("creditsProgressBar");
        QCOMPARE(bar->property("level").toString(), QStringLiteral("warning"));
        QVERIFY(!bar->styleSheet().isEmpty());
        {
            auto l = ledger();
            const qint64 start = l->usage().report(std::nullopt, std::nullopt)->period.start;
            QVERIFY(TestSupport::recordAsItHappened(*l, {QStringLiteral("trigger"), {}, start + 10, {}}).ok());
        }
        QTest::keyClick(m_window.get(), Qt::Key_F5); // View › Refresh
        read();
        QCOMPARE(bar->property("level").toString(), QStringLiteral("full"));
        QCOMPARE(bar->value(), 100);
        QVERIFY(find<QLabel>("remainingLabel")->text().startsWith(QStringLiteral("0 credits remaining")));
    }

    // The page's one Apply / Revert place: enabled only while the section shown holds a change, and only there.
    void applyIsEnabledOnlyWhenSomethingChanged()
    {
        openWindow();
        m_window->page()->showSection(QStringLiteral("models"));
        auto* content = find<QComboBox>("modelContentCombo");
        auto* save = find<QPushButton>("applyChangesButton");
        auto* revert = find<QPushButton>("revertChangesButton");
        QCOMPARE(content->currentData().toString(), QStringLiteral("claude-sonnet-4-6"));
        QVERIFY(!save->isEnabled());
        QVERIFY(!revert->isEnabled());
        const int opus = content->findData(QStringLiteral("claude-opus-4-6"));
        QVERIFY(content->itemText(opus).contains(QStringLiteral("2× credit cost")));
        QVERIFY(!content->itemText(content->findData(QStringLiteral("claude-haiku-4-5")))
                     .contains(QStringLiteral("credit cost")));
        content->setFocus();
        QTest::keyClick(content, Qt::Key_Down);
        QVERIFY(save->isEnabled());
        QTest::keyClick(content, Qt::Key_Up); // back to what is applied: nothing to save
        QVERIFY(!save->isEnabled());
        content->setCurrentIndex(opus);
        QVERIFY(save->isEnabled());
        QCOMPARE(find<QLabel>("changesLabel")->text(), QStringLiteral("Not applied yet: Model Selection."));
        m_window->page()->showSection(QStringLiteral("usage")); // nothing to apply there: no bar
        QVERIFY(!find<QWidget>("applyBar")->isVisible());
        m_window->page()->showSection(QStringLiteral("models"));
        QVERIFY(save->isEnabled());
        QTest::mouseClick(revert, Qt::LeftButton);
        QCOMPARE(content->currentData().toString(), QStringLiteral("claude-sonnet-4-6"));
        QVERIFY(!save->isEnabled());
        content->setCurrentIndex(opus);
        // Apply says first what the change would have cost (ModelsPanel::confirmation), as `models preview` does.
        const auto preview = runCli({QStringLiteral("--db"), m_db, QStringLiteral("models"), QStringLiteral("preview"),
                                     QStringLiteral("content"), QStringLiteral("claude-opus-4-6")});
        QCOMPARE(preview.exitCode, 0);
        const QString asked = answerNextDialog(QMessageBox::Yes, [&] { QTest::mouseClick(save, Qt::LeftButton); });
        QVERIFY2(asked.startsWith(QStringLiteral("Content & Themes on Claude Opus 4.6 instead of Claude Sonnet 4.6, "
                                                 "per run: Theme generation 2 credits instead of 1 credit")),
                 qPrintable(asked));
        QCOMPARE(asked.section(QStringLiteral("\n\n"), 0, 0), QString::fromUtf8(preview.out).trimmed());
        QVERIFY(!save->isEnabled());
        read();
        QCOMPARE(ledger()->settings().current()->slotModels.value(QStringLiteral("content")),
                 QStringLiteral("claude-opus-4-6"));
        QVERIFY(find<QTableWidget>("creditCostsTable")
                    ->item(1, 3)
                    ->text()
                    .startsWith(QStringLiteral("10 credits (Claude Opus 4.6, ×2)")));
    }

    void aViewerSeesThePageReadOnlyAndWhy()
    {
        {
            auto owner = ledger(QStringLiteral("someone-else"));
            QVERIFY(owner->directory().setMember(Environment::currentUserName(), Role::Viewer).ok());
        }
        openWindow();
        auto* line = find<QLabel>("readOnlyLabel");
        QVERIFY(line->isVisible());
        QVERIFY(line->text().contains(QStringLiteral("Viewer")));
        QVERIFY(line->text().contains(QStringLiteral("only an Owner or Admin")));
        for (const char* name : {"anthropicKeyEdit", "openaiKeyEdit"})
            QVERIFY2(!find<QLineEdit>(name)->isEnabled(), name);
        for (const char* name : {"modelContentCombo", "modelAnalysisCombo"})
            QVERIFY2(!find<QComboBox>(name)->isEnabled(), name);
        QVERIFY(!find<QPushButton>("applyChangesButton")->isEnabled());
        QCOMPARE(find<QComboBox>("modelContentCombo")->toolTip(),
                 QStringLiteral("Only an Owner or Admin changes this."));
        QVERIFY(find<QComboBox>("tenantCombo")->isEnabled()); // reviewing stays open to everyone
        m_window->page()->showSection(QStringLiteral("usage"));
        QVERIFY(find<QProgressBar>("creditsProgressBar")->isVisible());
        bool importEnabled = true;
        for (QAction* a : m_window->findChildren<QAction*>())
            if (a->text().contains(QStringLiteral("Import")))
                importEnabled = a->isEnabled();
        QVERIFY(!importEnabled);
    }

    void tenantKeysOnEssentialsAreDisabledWithTheReason()
    {
        QVERIFY(ledger()->directory().addTenant(QStringLiteral("acme"), {}).ok());
        openWindow();
        auto* tenants = find<QComboBox>("tenantCombo");
        tenants->setFocus();
        QTest::keyClick(tenants, Qt::Key_Down);
        read();
        QVERIFY(!find<QLineEdit>("anthropicKeyEdit")->isEnabled());
        QVERIFY(find<QLabel>("anthropicMessageLabel")->text().contains(QStringLiteral("Professional or Enterprise")));
        QVERIFY(find<QLabel>("keyScopeLabel")->text().contains(QStringLiteral("acme")));
        QVERIFY(find<QLabel>("rateOnCreditsLabel")->text().contains(QStringLiteral("20 of 20")));
    }

    // The menus' file choosers and their results go through the Ask seam: chosen and acknowledged in advance.
    void theMenusChooseTheirFilesThroughTheSeam()
    {
        openWindow();
        const QString good = m_dir.filePath(QStringLiteral("menu.csv"));
        QFile file(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,occurred_at,tenant,action,model,billing,credits\n"
                   "m1,2026-01-05T10:00:00Z,,theme,claude-sonnet-4-6,credits,\n");
        file.close();
        Ui::Ask::setNextFile(good);
        const QString summary = answerNextDialog(
            QMessageBox::Ok, [&] { m_window->findChild<QAction*>(QStringLiteral("importAction"))->trigger(); });
        QVERIFY2(summary.startsWith(QStringLiteral("Imported 1 of 1 event")), qPrintable(summary));
        const QString exported = m_dir.filePath(QStringLiteral("menu-export.csv"));
        Ui::Ask::setNextFile(exported);
        m_window->findChild<QAction*>(QStringLiteral("exportAction"))->trigger();
        QCOMPARE(Ui::Ask::pendingAnswers(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(exported), 10000);
        // A cancelled chooser does nothing.
        Ui::Ask::setNextFile(QString());
        m_window->findChild<QAction*>(QStringLiteral("importAction"))->trigger();
        QCOMPARE(Ui::Ask::pendingAnswers(), 0);
        QCOMPARE(ledger()->usage().report(QStringLiteral("2026-01"), std::nullopt)->used, 1);
    }

    void importRunsBehindAProgressDialogAllOrNothing()
    {
        openWindow();
        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,occurred_at,tenant,action,model,billing,credits\n"
                   "g1,2026-01-05T10:00:00Z,,theme,claude-sonnet-4-6,credits,\n"
                   "g2,2026-01-05T11:00:00Z,,poetry,,credits,\n");
        file.close();
        const QString refusal = answerNextDialog(QMessageBox::Ok, [&] { m_window->importFile(bad); });
        QVERIFY2(refusal.startsWith(QStringLiteral("Line 3:")), qPrintable(refusal));
        QCOMPARE(ledger()->usage().report(QStringLiteral("2026-01"), std::nullopt)->used, 0);

        const QString good = m_dir.filePath(QStringLiteral("good.csv"));
        file.setFileName(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,occurred_at,tenant,action,model,billing,credits\n"
                   "g1,2026-01-05T10:00:00Z,,theme,claude-sonnet-4-6,credits,\n"
                   "g2,2026-01-05T11:00:00Z,newco,trigger,claude-opus-4-6,credits,\n");
        file.close();
        const QString summary = answerNextDialog(QMessageBox::Ok, [&] { m_window->importFile(good); });
        QVERIFY2(summary.startsWith(QStringLiteral("Imported 2 of 2 events (41 credits)")), qPrintable(summary));
        // The page reads again (on its own thread): the new tenant comes to be there to choose.
        QTRY_VERIFY_WITH_TIMEOUT(find<QComboBox>("tenantCombo")->findData(QStringLiteral("newco")) > 0, 10000);

        const QString exported = m_dir.filePath(QStringLiteral("exported.jsonl"));
        m_window->exportTo(exported, UsageFile::Format::JsonLines);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(exported), 10000);
        QFile out(exported);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const auto cli = runCli({QStringLiteral("--db"), m_db, QStringLiteral("export"), QStringLiteral("--format"),
                                 QStringLiteral("jsonl")});
        QCOMPARE(out.readAll(), cli.out);
    }

    // On a wide window the sections stay a readable column, centred; every sidebar row has an icon; the progress
    // dialog is titled with its task.
    void theContentIsAReadableCentredColumn()
    {
        openWindow();
        auto* list = find<QListWidget>("sectionList");
        for (int i = 0; i < list->count(); ++i)
            QVERIFY2(!list->item(i)->icon().isNull(), qPrintable(list->item(i)->text()));
        m_window->resize(1900, 900);
        auto* column = find<QWidget>("contentColumn");
        QTRY_VERIFY(column->width() == column->maximumWidth());
        const int left = column->mapTo(m_window.get(), QPoint(0, 0)).x() -
                         (list->mapTo(m_window.get(), QPoint(0, 0)).x() + list->width());
        const int right = m_window->width() - (column->mapTo(m_window.get(), QPoint(0, 0)).x() + column->width());
        QVERIFY2(qAbs(left - right) < 40, qPrintable(QStringLiteral("%1 / %2").arg(left).arg(right)));
        QVERIFY(column->width() < 1300);
        m_window->resize(800, 600);
        QTRY_VERIFY(column->width() < column->maximumWidth());

        const QString exported = m_dir.filePath(QStringLiteral("titled.csv"));
        m_window->exportTo(exported, UsageFile::Format::Csv);
        auto* dialog = m_window->findChild<QProgressDialog*>(QStringLiteral("taskProgressDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Export Usage"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(exported), 10000);
    }

    // The first start on a small screen (the offscreen platform's is 800 x 600): the window fits its free area.
    void theFirstWindowFitsTheScreen()
    {
        QSettings(QStringLiteral("ai-settings"), QStringLiteral("window")).clear();
        openWindow();
        const QRect available = m_window->screen()->availableGeometry();
        QVERIFY2(available.height() < 940, "the screen is as small as the test means it");
        QVERIFY2(m_window->frameGeometry().width() <= available.width() &&
                     m_window->frameGeometry().height() <= available.height(),
                 qPrintable(QStringLiteral("%1 x %2")
                                .arg(m_window->frameGeometry().width())
                                .arg(m_window->frameGeometry().height())));
    }

    // Hovering a menu item shows its status tip, and the database and who is signed in stay in the bar.
    void whoIsSignedInStaysInTheStatusBar()
    {
        openWindow();
        auto* label = find<QLabel>("sessionStatusLabel");
        const QString said = label->text();
        QVERIFY2(said.contains(QStringLiteral("signed in as")) && said.contains(QStringLiteral("(Owner)")),
                 qPrintable(said));
        QStatusTipEvent tip(QStringLiteral("Open another database"));
        QApplication::sendEvent(m_window.get(), &tip);
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Open another database"));
        QVERIFY(label->isVisible()); // beside the tip, not under it
        QStatusTipEvent gone{QString()};
        QApplication::sendEvent(m_window.get(), &gone);
        QVERIFY(label->isVisible());
        QCOMPARE(label->text(), said);
    }

    void theWindowRemembersItsSize()
    {
        openWindow();
        m_window->resize(700, 560);
        QVERIFY(m_window->close());
        m_window.reset();
        openWindow();
        QCOMPARE(m_window->size(), QSize(700, 560));
    }

    // The window opens on the section it showed last, the Overview the first time; opening on it does not count
    // as choosing it.
    void theWindowOpensOnTheSectionShownLast()
    {
        QSettings(QStringLiteral("ai-settings"), QStringLiteral("window")).clear();
        openWindow();
        QCOMPARE(m_window->page()->currentSection(), QStringLiteral("overview"));
        QVERIFY(!QSettings(QStringLiteral("ai-settings"), QStringLiteral("window"))
                     .contains(QStringLiteral("page/section")));
        find<QListWidget>("sectionList")->setCurrentRow(3);
        const QString chosen = m_window->page()->currentSection();
        QCOMPARE(chosen, QStringLiteral("models"));
        QVERIFY(m_window->close());
        m_window.reset();
        openWindow();
        QCOMPARE(m_window->page()->currentSection(), chosen);
    }

    void aDatabaseThatCannotBeOpenedIsExplained()
    {
        QFile garbage(m_db);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();
        m_window = std::make_unique<Ui::MainWindow>(m_db);
        QVERIFY(!m_window->session());
        QVERIFY(find<QLabel>("problemLabel")->text().contains(QStringLiteral("cannot be shown")));
    }
};

QTEST_MAIN(TestWindow)
#include "tst_window.moc"

#include "DeskFixture.h"

#include "words/AuditSentences.h"

// The admin's desk in the window: the sections and their keyboard navigation, the Overview, the user's
// language, the activity log and the warnings.
class TestDesk : public DeskFixture
{
    Q_OBJECT

private slots:
    void everySectionIsOneKeyAwayAndRemembered()
    {
        ledger();
        openWindow();
        const QStringList sections = page()->sectionNames();
        QCOMPARE(sections.first(), QStringLiteral("overview"));
        QCOMPARE(sections.size(), 8);
        QVERIFY(sections.contains(QStringLiteral("activity")));
        auto* stack = page()->findChild<QStackedWidget*>();
        page()->showSection(sections.first());
        for (int i = 1; i <= sections.size(); ++i) {
            QTest::keyClick(m_window.get(), Qt::Key_PageDown, Qt::ControlModifier);
            QCOMPARE(page()->currentSection(), sections[i % sections.size()]);
            QCOMPARE(stack->currentIndex(), i % sections.size());
        }
        QTest::keyClick(m_window.get(), Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(page()->currentSection(), sections.last());
        for (int i = 0; i < sections.size(); ++i) {
            QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_1 + i), Qt::AltModifier);
            QCOMPARE(page()->currentSection(), sections[i]);
            QVERIFY(stack->currentWidget()->isVisible());
        }
        // The sidebar itself answers the arrow keys.
        auto* list = find<QListWidget>("sectionList");
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Home);
        QTest::keyClick(list, Qt::Key_Down);
        QCOMPARE(page()->currentSection(), sections[1]);
        page()->showSection(QStringLiteral("activity"));
        m_window.reset();
        openWindow();
        QCOMPARE(page()->currentSection(), QStringLiteral("activity"));
    }

    // At 800 × 600 the Overview answers the first questions without scrolling, and each answer leads to its
    // section; an empty ledger says what to do first.
    void theOverviewAnswersAtAGlanceAndLeadsOn()
    {
        ledger();
        openWindow();
        m_window->resize(800, 600);
        page()->showSection(QStringLiteral("overview"));
        QVERIFY(find<QWidget>("firstStepsBox")->isVisible());
        {
            auto l = ledger();
            QVERIFY(l->usage().record({QStringLiteral("trigger"), {}, std::nullopt, {}}).ok());
        }
        m_window->session()->refresh();
        read();
        QVERIFY(!find<QWidget>("firstStepsBox")->isVisible());
        QTRY_VERIFY(find<QWidget>("overviewRateLabel")->visibleRegion().boundingRect() ==
                    find<QWidget>("overviewRateLabel")->rect());
        for (const char* name :
             {"overviewUsedLabel", "overviewCreditsBar", "overviewRemainingLabel", "anthropicOverviewBadge",
              "openaiOverviewBadge", "overviewModelsLabel", "overviewRateLabel"}) {
            QWidget* w = find<QWidget>(name);
            QVERIFY2(w->isVisible() && w->visibleRegion().boundingRect() == w->rect(),
                     name); // whole, not scrolled away
        }
        QVERIFY(
            find<QLabel>("overviewUsedLabel")->text().startsWith(QStringLiteral("20 of 100 credits used this month")));
        QVERIFY(find<QLabel>("overviewModelsLabel")
                    ->text()
                    .contains(QStringLiteral("Content & Themes: Claude Sonnet 4.6")));
        QCOMPARE(find<Ui::StatusBadge>("anthropicOverviewBadge")->stateId(), QStringLiteral("not_set"));
        QVERIFY(find<QLabel>("overviewRateLabel")
                    ->text()
                    .startsWith(QStringLiteral("On AI credits: 19 of 20 queries left in the rolling hour.\n")));
        const struct
        {
            const char* link;
            const char* section;
        } links[] = {{"overviewKeysLink", "keys"},
                     {"overviewModelsLink", "models"},
                     {"overviewRateLink", "rateLimit"},
                     {"overviewUsageLink", "usage"}};
        for (const auto& l : links) {
            page()->showSection(QStringLiteral("overview"));
            find<QPushButton>(l.link)->click();
            QCOMPARE(page()->currentSection(), QLatin1String(l.section));
        }
    }

    // Under a German locale the window speaks German, sections first.
    void theWindowSpeaksTheUsersLanguage()
    {
        ledger();
        QVERIFY(Translations::install(QLocale(QLocale::German, QLocale::Germany)));
        openWindow();
        auto* list = find<QListWidget>("sectionList");
        QStringList names;
        for (int i = 0; i < list->count(); ++i)
            names << list->item(i)->text();
        QCOMPARE(names,
                 (QStringList{QStringLiteral("Übersicht"), QStringLiteral("Nutzung"), QStringLiteral("Schlüssel"),
                              QStringLiteral("Modelle"), QStringLiteral("Ratenlimit"), QStringLiteral("Aktivität"),
                              QStringLiteral("Organisation"), QStringLiteral("Anbieterausgaben")}));
        QVERIFY2(find<QLabel>("overviewUsedLabel")
                     ->text()
                     .startsWith(QStringLiteral("0 von 100 Credits in diesem Monat verbraucht")),
                 qPrintable(find<QLabel>("overviewUsedLabel")->text()));
        m_window.reset();
        QVERIFY(Translations::install(QLocale(QLocale::English, QLocale::UnitedStates))); // its plural forms
        openWindow();
        QCOMPARE(find<QListWidget>("sectionList")->item(0)->text(), QStringLiteral("Overview"));
    }

    void theActivityLogShowsWhatTheCommandLineShowsAndFilters()
    {
        {
            auto l = ledger(Clock::fixedAt(at("2026-10-03T09:00:00Z")));
            QVERIFY(l->directory().addTenant(QStringLiteral("acme"), QStringLiteral("Acme")).ok());
            l->setClock(Clock::fixedAt(at("2026-11-20T10:00:00Z")));
            QVERIFY(l->settings().setPlan(QStringLiteral("enterprise")).ok());
            QVERIFY(l->directory().setMember(QStringLiteral("guest"), Role::Viewer).ok());
        }
        openWindow();
        page()->showSection(QStringLiteral("activity"));
        auto* model = page()->activity()->model();
        const auto cli = runCli({QStringLiteral("--db"), m_db, QStringLiteral("audit"), QStringLiteral("--json")});
        QCOMPARE(cli.exitCode, 0);
        const QJsonArray lines = QJsonDocument::fromJson(cli.out).array();
        QCOMPARE(model->rowCount(), int(lines.size()));
        QCOMPARE(model->rowCount(), 3);
        for (int row = 0; row < model->rowCount(); ++row) {
            const QJsonObject o = lines[row].toObject();
            QCOMPARE(cell(row, Ui::AuditModel::Who), o[QStringLiteral("actor")].toString());
            // The same line, worded for the window.
            const AuditEntry e{0, o[QStringLiteral("actor")].toString(), o[QStringLiteral("subject")].toString(),
                               o[QStringLiteral("change")].toString()};
            QCOMPARE(cell(row, Ui::AuditModel::Change), AuditSentences::change(e, TestSupport::catalog()));
            QCOMPARE(cell(row, Ui::AuditModel::Kind), AuditSentences::subject(e, TestSupport::catalog()));
        }
        QCOMPARE(cell(0, Ui::AuditModel::Change), QStringLiteral("guest is now a Viewer."));
        QCOMPARE(cell(0, Ui::AuditModel::Kind), QStringLiteral("Member"));
        QCOMPARE(cell(0, Ui::AuditModel::When), QStringLiteral("2026-11-20 10:00:00 UTC"));

        // By kind, with the keyboard.
        auto* kinds = find<QComboBox>("activityKindCombo");
        kinds->setFocus();
        QTest::keyClick(kinds, Qt::Key_Down); // All changes -> Key
        QTest::keyClick(kinds, Qt::Key_Down); // -> Plan
        read();
        QCOMPARE(kinds->currentData().toString(), QStringLiteral("plan"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(cell(0, Ui::AuditModel::Change), QStringLiteral("Essentials → Enterprise"));
        QCOMPARE(find<QLabel>("activityCountLabel")->text(), QStringLiteral("1 change, newest first."));
        kinds->setCurrentIndex(0);
        emit kinds->activated(0);
        read();
        QCOMPARE(model->rowCount(), 3);

        // By dates: October only, then from November on.
        auto* to = find<QDateEdit>("activityToEdit");
        to->setDate(QDate(2026, 10, 31));
        read();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(cell(0, Ui::AuditModel::Change), QStringLiteral("Added acme."));
        to->setDate(to->minimumDate()); // "Any"
        find<QDateEdit>("activityFromEdit")->setDate(QDate(2026, 11, 1));
        read();
        QCOMPARE(model->rowCount(), 2);

        // By person: nobody but the owner changed anything.
        auto* people = find<QComboBox>("activityPersonCombo");
        QCOMPARE(people->count(), 2); // Everyone, the owner
        const QString path = m_dir.filePath(QStringLiteral("activity.csv"));
        const auto said = page()->activity()->exportTo(path);
        QVERIFY2(said.ok(), qPrintable(said.failure().message));
        QCOMPARE(said.value(),
                 QStringLiteral("Exported 2 changes to %1.").arg(Text::isolated(path))); // kept whole right to left
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = csv.readAll().split('\n');
        QCOMPARE(rows.value(0), QByteArray("at,actor,kind,subject,change"));
        QVERIFY2(rows.value(1).endsWith(",member,member,guest is viewer") ||
                     rows.value(1).endsWith(",plan,plan,essentials -> enterprise"),
                 rows.value(1).constData());
        QCOMPARE(rows.size(), 4); // header, two lines, the final newline
        QCOMPARE(QFile(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
    }

    // 80, 90 and 100 % of Essentials' 100 credits: each step colours the bar, raises the banner with what happens
    // next, and is notified once; refreshing at the same step notifies nothing more.
    // The Overview's bar is a picture of the period: marks where the warnings start, and a dashed line where the
    // pool will stand at the reset at the last seven days' pace.
    void theOverviewPicturesThePeriod()
    {
        const Clock frozen = Clock::fixedAt(at("2026-11-22T12:00:00Z"));
        {
            auto l = ledger(frozen);
            l->setClock(Clock::fixedAt(at("2026-11-01T00:00:00Z")));
            QVERIFY(l->settings().setPlan(QStringLiteral("enterprise")).ok());
            for (const char* day : {"2026-11-20", "2026-11-21", "2026-11-22"})
                for (int i = 0; i < 5; ++i) // data analyses, 10 credits each
                    QVERIFY(TestSupport::recordAsItHappened(
                                *l, {QStringLiteral("analysis"),
                                     {},
                                     at(qPrintable(QStringLiteral("%1T0%2:00:00Z").arg(QLatin1String(day)).arg(i))),
                                     {}})
                                .ok());
        }
        openWindow(frozen);
        page()->showSection(QStringLiteral("overview"));
        auto* bar = find<QProgressBar>("overviewCreditsBar");
        QCOMPARE(bar->property("marks").value<QVector<int>>(), (QVector<int>{80, 90, 100}));
        // 150 credits since 15 November 00:00 (the last seven whole days and today's half: 7.5 days), 8.5 days to
        // the reset on 1 December: 150 + 150 / 7.5 × 8.5 = 320 of 2,000.
        const double expected = (150 + 150.0 / 7.5 * 8.5) / 2000;
        QVERIFY2(qAbs(bar->property("projection").toDouble() - expected) < 0.001,
                 qPrintable(QString::number(bar->property("projection").toDouble())));
        QVERIFY2(bar->accessibleDescription().contains(QStringLiteral("At this pace")),
                 qPrintable(bar->accessibleDescription()));
    }

    void eachWarningStepIsShownAndNotifiedOnce()
    {
        QStringList told;
        Ui::Notifications::setSink(
            [&](const QString& title, const QString& body) { told << title + QLatin1String(": ") + body; });
        const auto spend = [&](int credits) {
            auto l = ledger();
            const qint64 start = l->usage().report(std::nullopt, std::nullopt)->period.start;
            for (int i = 0; i < credits / 10; ++i) // data analyses, 10 credits each at the default model
                QVERIFY(
                    TestSupport::recordAsItHappened(*l, {QStringLiteral("analysis"), {}, start + m_spent++, {}}).ok());
        };
        spend(70);
        openWindow();
        auto* bar = find<QProgressBar>("creditsProgressBar");
        auto* banner = find<QLabel>("alertBanner");
        page()->showSection(QStringLiteral("usage"));
        QCOMPARE(bar->property("level").toString(), QStringLiteral("normal"));
        QVERIFY(banner->isHidden());
        QCoreApplication::processEvents(); // the check the window makes once it has painted
        QVERIFY(told.isEmpty());

        const struct
        {
            int spend;
            const char* level;
            int step;
        } steps[] = {{10, "warning", 80}, {10, "serious", 90}, {10, "full", 100}};
        for (const auto& step : steps) {
            spend(step.spend);
            m_window->session()->refresh();
            read();
            QCOMPARE(bar->property("level").toString(), QLatin1String(step.level));
            QVERIFY(!banner->isHidden());
            QCOMPARE(banner->property("level").toInt(), step.step);
            // The Overview tells the same step the same way: colour, banner and words.
            auto* overviewBar = find<QProgressBar>("overviewCreditsBar");
            auto* overviewBanner = find<QLabel>("overviewWarningLabel");
            QCOMPARE(overviewBar->property("level").toString(), QLatin1String(step.level));
            QCOMPARE(overviewBar->styleSheet(), bar->styleSheet());
            QCOMPARE(overviewBanner->property("level").toInt(), step.step);
            QCOMPARE(overviewBanner->styleSheet(), banner->styleSheet());
            QCOMPARE(overviewBanner->text(), banner->text());
            QVERIFY(!overviewBanner->isHidden());
            QCOMPARE(told.size(), int(&step - steps) + 1);
            QVERIFY2(told.last().startsWith(QStringLiteral("AI credits: %1% used: ").arg(step.step)),
                     qPrintable(told.last()));
            m_window->session()->refresh(); // the same step again: no second notification
            read();
            QCOMPARE(told.size(), int(&step - steps) + 1);
        }
        QVERIFY2(banner->text().contains(
                     QStringLiteral("All credits are used: actions on credits are refused until the reset on ")),
                 qPrintable(banner->text()));
        QVERIFY(!find<QLabel>("estimateLabel")->text().contains(QStringLiteral("0 ×")));
        QVERIFY(find<QLabel>("forecastLabel")->isHidden()); // nothing left to forecast

        // An old period shows no banner and notifies nothing.
        const QDate thisPeriod = ledger()->usage().report(std::nullopt, std::nullopt)->period.firstDay;
        page()->credits()->showPeriod(thisPeriod.addMonths(-1).toString(QStringLiteral("yyyy-MM")));
        read();
        QVERIFY(banner->isHidden());
        QCOMPARE(told.size(), 3);
        Ui::Notifications::setSink({});
    }

    void aLongTrailScrollsWithoutBeingHeldWhole()
    {
        ledger();
        writeAuditLines(100000, at("2026-11-20T10:00:00Z"));
        openWindow();
        page()->showSection(QStringLiteral("activity"));
        auto* model = page()->activity()->model();
        QCOMPARE(model->rowCount(), 100000);
        auto* table = find<QTableView>("activityTable");
        table->setFocus();
        QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
        QTRY_VERIFY(table->currentIndex().row() == model->rowCount() - 1);
        QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier);
        QTRY_COMPARE(table->currentIndex().row(), 0);
        for (int i = 0; i < 40; ++i)
            QTest::keyClick(table, Qt::Key_PageDown);
        QVERIFY(model->pagesHeld() <= Ui::AuditModel::pagesKept);
        QCOMPARE(cell(0, Ui::AuditModel::Change), QStringLiteral("Added bulk0."));
        QCOMPARE(cell(99999, Ui::AuditModel::Change), QStringLiteral("Added bulk99999."));
        QVERIFY(model->pagesHeld() <= Ui::AuditModel::pagesKept);
    }
};

QTEST_MAIN(TestDesk)
#include "tst_desk.moc"

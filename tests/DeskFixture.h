#pragma once

#include "TestSupport.h"
#include "WidgetSupport.h"

#include "sections/ActivityPanel.h"
#include "sections/CreditsPanel.h"
#include "session/AuditModel.h"
#include "session/Notifications.h"
#include "session/Session.h"
#include "support/Environment.h"
#include "support/Text.h"
#include "widgets/Ask.h"
#include "widgets/StatusBadge.h"
#include "window/MainWindow.h"
#include "window/SettingsPage.h"
#include "words/Translations.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>

using TestSupport::at;
using TestSupport::runCli;

// What the desk suites share: the window, offscreen, on a fresh SQLite file for each test, with its remembered
// settings in a scratch folder. Its private slots run before and after each suite's tests.
class DeskFixture : public QObject
{
    Q_OBJECT

protected:
    QTemporaryDir m_dir;
    QString m_db;
    int m_dbCount = 0;
    qint64 m_spent = 0; // events recorded so far, to keep their times apart
    std::unique_ptr<Ui::MainWindow> m_window;

    template <typename T> T* find(const char* name) { return WidgetSupport::find<T>(m_window.get(), name); }

    std::unique_ptr<Ledger> ledger(Clock clock = {})
    {
        auto l = TestSupport::openLedger(m_db, Environment::currentUserName());
        l->setClock(std::move(clock));
        return l;
    }

    // `clock`: the window's (the system's by default).
    void openWindow(Clock clock = {})
    {
        m_window = std::make_unique<Ui::MainWindow>(m_db, std::move(clock));
        QVERIFY(m_window->session());
        m_window->resize(900, 640);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        read();
    }

    // Waits until the page shows what it read last (WidgetSupport::pageRead).
    void read() { QVERIFY(WidgetSupport::pageRead(m_window->page())); }

    Ui::SettingsPage* page() { return m_window->page(); }

    // Lines written straight into the trail, `count` of them a minute apart, the newest at `newest`.
    void writeAuditLines(int count, qint64 newest)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            db.transaction();
            QSqlQuery q(db);
            q.prepare(
                QStringLiteral("INSERT INTO audit_log (at, actor, subject, change) VALUES (?, 'robot', 'tenant', ?)"));
            for (int i = 0; i < count; ++i) {
                q.bindValue(0, newest - qint64(i) * 60000);
                q.bindValue(1, QStringLiteral("added bulk%1").arg(i));
                QVERIFY(q.exec());
            }
            QVERIFY(db.commit());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }

    QString cell(int row, int column)
    {
        auto* model = page()->activity()->model();
        return model->data(model->index(row, column)).toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    }

    void init()
    {
        TestSupport::failOnAnyWidgetWarning();
        m_db = m_dir.filePath(QStringLiteral("desk-%1.sqlite").arg(++m_dbCount));
    }

    void cleanup() { m_window.reset(); }
};

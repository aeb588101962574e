#include "session/LedgerTask.h"

#include "support/Environment.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QProgressDialog>
#include <QThread>

namespace Ui {

LedgerTask::LedgerTask(QWidget* window, const QString& databasePath, const Catalog& catalog, Clock clock,
                       const QString& title, const QString& label, Work work, Done done)
    : QObject(window), m_label(label), m_dialog(new QProgressDialog(label, tr("Cancel"), 0, 1000, window)),
      m_done(std::move(done))
{
    m_dialog->setObjectName(QStringLiteral("taskProgressDialog"));
    m_dialog->setWindowTitle(title); // the task, not the program's name
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setMinimumDuration(400);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setValue(0);
    connect(m_dialog, &QProgressDialog::canceled, this, [cancelled = m_cancelled] { *cancelled = true; });

    QPointer<LedgerTask> self(this);
    const auto cancelled = m_cancelled;
    m_thread =
        QThread::create([self, cancelled, databasePath, &catalog, clock = std::move(clock), work = std::move(work)] {
            const auto report = [self](const Result<QString>& result) {
                QMetaObject::invokeMethod(
                    QCoreApplication::instance(),
                    [self, result] {
                        if (self)
                            self->finish(result);
                    },
                    Qt::QueuedConnection);
            };
            // A connection of its own: a Ledger belongs to the thread that opened it.
            auto ledger = Ledger::open(databasePath, catalog, Environment::currentUserName());
            if (!ledger)
                return report(ledger.failure());
            ledger.value()->setClock(clock);
            QElapsedTimer sinceUpdate;
            sinceUpdate.start();
            QString shownStep;
            const Progress progress = [&](qint64 done, qint64 total, const QString& step) {
                // A new step is shown at once; within one, a few times a second.
                if (sinceUpdate.elapsed() >= 100 || done == total || step != shownStep) {
                    sinceUpdate.restart();
                    shownStep = step;
                    // Without a total (an export counts as it goes) the dialog shows that work goes on.
                    const int permille = total > 0 ? int(done * 1000 / total) : -1;
                    QMetaObject::invokeMethod(
                        QCoreApplication::instance(),
                        [self, permille, step] {
                            if (!self || self->m_dialog->wasCanceled())
                                return;
                            self->m_dialog->setLabelText(step.isEmpty() ? self->m_label
                                                                        : self->m_label + QLatin1Char('\n') + step +
                                                                              QStringLiteral("…"));
                            if (permille < 0)
                                self->m_dialog->setRange(0, 0);
                            else
                                self->m_dialog->setValue(permille);
                        },
                        Qt::QueuedConnection);
                }
                return !*cancelled;
            };
            report(work(*ledger.value(), progress));
        });
    m_thread->start();
}

LedgerTask::~LedgerTask()
{
    *m_cancelled = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void LedgerTask::finish(const Result<QString>& result)
{
    m_thread->wait(); // it has answered; this only lets it return
    m_dialog->close();
    m_dialog->deleteLater();
    if (m_done)
        m_done(result);
    deleteLater();
}

} // namespace Ui

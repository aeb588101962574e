#include "session/LedgerOpener.h"

#include "ledger/Ledger.h"
#include "support/Environment.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

namespace Ui {

namespace {

// One attempt's wait for a file's lock: short, so that closing the window never waits long for the worker.
constexpr int attemptMs = 500;

} // namespace

LedgerOpener::LedgerOpener(const QString& location, const Catalog& catalog, QObject* parent) : QObject(parent)
{
    QPointer<LedgerOpener> self(this);
    QThread* windowThread = thread();
    m_thread = QThread::create([self, stop = m_stop, location, &catalog, windowThread] {
        while (!*stop) {
            auto opened = Ledger::open(location, catalog, Environment::currentUserName(), attemptMs);
            if (!opened && opened.failure().busy)
                continue;
            QString message;
            Ledger* ledger = nullptr;
            if (!opened)
                message = opened.failure().message;
            else if (!opened.value()->moveToThread(windowThread))
                message = tr("The database connection could not be handed to the window.");
            else
                ledger = opened.value().release();
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, ledger, message] {
                    std::unique_ptr<Ledger> owned(ledger); // the window's, or closed here if it is gone
                    if (!self)
                        return;
                    if (!owned) {
                        emit self->failed(message);
                        return;
                    }
                    self->m_ledger = std::move(owned);
                    emit self->opened();
                },
                Qt::QueuedConnection);
            return;
        }
    });
    m_thread->start();
}

LedgerOpener::~LedgerOpener()
{
    *m_stop = true;
    m_thread->wait();
    delete m_thread;
}

std::unique_ptr<Ledger> LedgerOpener::takeLedger()
{
    return std::move(m_ledger);
}

void LedgerOpener::abandon()
{
    *m_stop = true;
    connect(m_thread, &QThread::finished, this, &QObject::deleteLater);
    if (m_thread->isFinished())
        deleteLater();
}

} // namespace Ui

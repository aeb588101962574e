#pragma once

#include "ledger/Ledger.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QProgressDialog;
class QThread;

namespace Ui {

// One long job on the database (an import, an export) on a worker thread with its own connection, behind a
// progress dialog whose Cancel stops it. The window keeps painting and answering meanwhile; the answer comes
// back on the window's thread. Closing the window cancels the job and waits for it to stop.
class LedgerTask : public QObject
{
    Q_OBJECT

public:
    // How far a job is (`done` of `total`; total 0: unknown) and the step under way, named for the dialog (empty:
    // the job's label alone); returns false once the user cancelled.
    using Progress = std::function<bool(qint64 done, qint64 total, const QString& step)>;
    // `work` runs on the worker thread; it reports progress and learns of a cancel through `progress`, and
    // answers with the sentence to show.
    using Work = std::function<Result<QString>(Ledger& ledger, const Progress& progress)>;
    using Done = std::function<void(const Result<QString>&)>;

    // The worker's ledger reads `clock`, the window's own.
    // `title` names the task in the progress dialog's title bar ("Import Usage"); `label` says what it does now.
    LedgerTask(QWidget* window, const QString& databasePath, const Catalog& catalog, Clock clock, const QString& title,
               const QString& label, Work work, Done done);
    ~LedgerTask() override;

private:
    void finish(const Result<QString>& result);

    QString m_label; // what the job is: "Importing usage.csv…"
    QProgressDialog* m_dialog;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
    Done m_done;
};

} // namespace Ui

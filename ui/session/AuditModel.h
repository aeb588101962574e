#pragma once

#include "ledger/AuditTrail.h"
#include "services/PageState.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Ui {

class Session;

// The audit trail as a table, newest first, read a page at a time as rows come into view (the first with the page): a
// view scrolls through a hundred thousand lines while only the pages near it are held.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        When,
        Who,
        Kind,
        Change,
        ColumnCount
    };
    static constexpr int pageSize = 200;
    static constexpr int pagesKept = 16;

    explicit AuditModel(Session& session, QObject* parent = nullptr);

    // The trail as the page's state has it: its filter, the lines it selects and the newest of them; every page
    // read before is forgotten. Later pages are read as they come into view.
    void show(const PageState& state);
    const AuditFilter& filter() const { return m_filter; }
    // Why the last read failed; empty when it did not.
    const QString& problem() const { return m_problem; }
    // Pages held now, for tests of the bound.
    int pagesHeld() const { return int(m_pages.size()); }
    // The words a kind id is shown with.
    static QString kindName(const QString& kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void problemChanged(const QString& problem);

private:
    const AuditEntry* entry(int row) const;
    void setProblem(const QString& problem) const;

    Session& m_session; // its ledger is read only once the page shows it
    AuditFilter m_filter;
    qint64 m_count = 0;
    QString m_timeZone;
    mutable QHash<qint64, QVector<AuditEntry>> m_pages; // page number -> its lines
    mutable QVector<qint64> m_pageOrder;                // oldest read first, to forget the least recent
    mutable QString m_problem;
};

} // namespace Ui

#include "session/AuditModel.h"

#include "session/Session.h"
#include "words/AuditSentences.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace Ui {

AuditModel::AuditModel(Session& session, QObject* parent) : QAbstractTableModel(parent), m_session(session) {}

QString AuditModel::kindName(const QString& kind)
{
    static const QHash<QString, const char*> names = {
        {QStringLiteral("key"), QT_TR_NOOP("Key")},
        {QStringLiteral("plan"), QT_TR_NOOP("Plan")},
        {QStringLiteral("model"), QT_TR_NOOP("Model")},
        {QStringLiteral("period"), QT_TR_NOOP("Billing period")},
        {QStringLiteral("tenant"), QT_TR_NOOP("Tenant")},
        {QStringLiteral("member"), QT_TR_NOOP("Member")},
        {QStringLiteral("import"), QT_TR_NOOP("Import")},
        {QStringLiteral("provider"), QT_TR_NOOP("Provider address")},
        {QStringLiteral("spend"), QT_TR_NOOP("Provider spend")},
    };
    const char* name = names.value(kind);
    return name ? tr(name) : kind;
}

void AuditModel::show(const PageState& state)
{
    beginResetModel();
    m_filter = state.audit;
    m_pages.clear();
    m_pageOrder.clear();
    m_count = state.auditCount;
    m_timeZone = state.timeZone; // the zone in force now
    // The first page came with the page's state (PageState::auditPageSize lines, the model's page size).
    static_assert(pageSize == PageState::auditPageSize);
    m_pages.insert(0, state.auditFirst);
    m_pageOrder.append(0);
    endResetModel();
    setProblem(QString());
}

void AuditModel::setProblem(const QString& problem) const
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    emit const_cast<AuditModel*>(this)->problemChanged(problem);
}

const AuditEntry* AuditModel::entry(int row) const
{
    const qint64 number = row / pageSize;
    auto it = m_pages.find(number);
    if (it == m_pages.end()) {
        const auto page = m_session.ledger().audit().page(m_filter, number * pageSize, pageSize);
        if (!page) {
            setProblem(page.failure().message);
            return nullptr;
        }
        if (m_pageOrder.size() >= pagesKept)
            m_pages.remove(m_pageOrder.takeFirst());
        it = m_pages.insert(number, page.value());
        m_pageOrder.append(number);
    }
    const qsizetype index = row % pageSize;
    return index < it->size() ? &it->at(index) : nullptr;
}

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(qMin<qint64>(m_count, INT_MAX));
}

int AuditModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const AuditEntry* e = entry(index.row());
    if (!e)
        return {};
    switch (index.column()) {
    case When: {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(e->at, QTimeZone(m_timeZone.toUtf8()));
        return tr("%1 %2").arg(QLocale().toString(t, QStringLiteral("yyyy-MM-dd HH:mm:ss")), m_timeZone);
    }
    case Who:
        return e->actor;
    // Worded in the user's language; the trail, the command line and the export keep the line as written.
    case Kind:
        return AuditSentences::subject(*e, m_session.catalog());
    case Change:
        return AuditSentences::change(*e, m_session.catalog());
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case Kind:
        return tr("What");
    case Change:
        return tr("Change");
    default:
        return {};
    }
}

} // namespace Ui

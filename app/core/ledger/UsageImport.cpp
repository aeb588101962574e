// Import of historic usage: every row is checked before anything is written, and the write is one transaction.
#include "UsageBook.h"

#include "Identifiers.h"
#include "ImportProgress.h"
#include "PostgresBulkInsert.h"
#include "Schema.h"
#include "SqlSupport.h"
#include "SqliteBulkInsert.h"
#include "Text.h"
#include "UsageSentences.h"
#include "UsageTotals.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

namespace {
struct Words
{
    Q_DECLARE_TR_FUNCTIONS(UsageBook)
};
} // namespace

using CreditRules::Billing;

namespace {

// Keeps the first problem and counts the rest, so one message can say both.
class LineProblems
{
public:
    void add(int line, const QString& what)
    {
        if (m_count++ == 0)
            m_first = Words::tr("Line %1: %2").arg(line).arg(what);
    }
    bool any() const { return m_count > 0; }
    Failure failure() const
    {
        if (m_count == 1)
            return badInput(Words::tr("%1; nothing was imported.").arg(m_first));
        return badInput(Words::tr("%1 (%Ln more line(s) bad too); nothing was imported.", nullptr, m_count - 1).arg(m_first));
    }

private:
    int m_count = 0;
    QString m_first;
};

} // namespace

Status UsageBook::insertEventsPortably(const QVector<ImportRow>& rows, const std::function<void(const UsageEvent&)>& inserted,
                                    const Progress& progress)
{
    QSqlQuery& insert = m_db.query(QString::fromLatin1(Schema::importEventSql));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const UsageEvent& e = rows[i].event;
        const QVariantList values = eventRow(e, m_db.userName());
        for (int column = 0; column < values.size(); ++column)
            insert.bindValue(column, values[column]);
        if (Status s = Sql::exec(insert, Words::tr("importing usage")); !s)
            return s;
        if (insert.numRowsAffected() == 1)
            inserted(e);
        if (!ImportProgress::report(progress, i + 1, rows.size()))
            return ImportProgress::cancelled();
    }
    return success();
}

Result<ImportSummary> UsageBook::checkRows(QVector<ImportRow>& rows, const LedgerSettings& settings,
                                           const ImportProgress::Callback& progress)
{
    LineProblems problems;
    QSet<QString> ids;
    ids.reserve(rows.size());
    const qint64 now = m_db.now(); // one reading for the whole file
    qint64 checked = 0;
    for (ImportRow& row : rows) {
        if (!ImportProgress::report(progress, ++checked, rows.size()))
            return ImportProgress::cancelled();
        UsageEvent& e = row.event;
        const Action* action = m_db.catalog().action(e.action);
        if (!action) {
            problems.add(row.line, Words::tr("unknown action %1").arg(Text::quoted(e.action)));
            continue;
        }
        const qsizetype distinct = ids.size();
        ids.insert(e.id); // one lookup: a known id leaves the set as it was
        if (!Identifiers::isValidEventId(e.id))
            problems.add(row.line, Words::tr("id %1 is not valid").arg(Text::quoted(e.id)));
        else if (ids.size() == distinct)
            problems.add(row.line, Words::tr("id %1 appears twice in the file").arg(Text::quoted(e.id)));
        if (const auto problem = CreditRules::eventTimeProblem(e.occurredAt, now))
            problems.add(row.line, *problem);
        if (!e.tenant.isEmpty() && !Identifiers::isValidTenantId(e.tenant))
            problems.add(row.line, Words::tr("tenant id %1 is not valid").arg(Text::quoted(e.tenant)));
        const Model* model = nullptr;
        if (action->slot.isEmpty()) {
            if (!e.model.isEmpty())
                problems.add(row.line, Words::tr("%1 takes no model, but the line names %2").arg(action->name, Text::quoted(e.model)));
        } else {
            if (e.model.isEmpty())
                e.model = settings.slotModels.value(action->slot);
            model = m_db.catalog().model(e.model);
            if (!model)
                problems.add(row.line, Words::tr("unknown model %1").arg(Text::quoted(e.model)));
        }
        if (e.billing == Billing::Byok && row.creditsGiven && e.credits != 0)
            problems.add(row.line, Words::tr("BYOK usage costs no credits, but the line says %1").arg(UsageSentences::credits(e.credits)));
        if (!row.creditsGiven)
            e.credits = e.billing == Billing::Byok ? 0 : CreditRules::cost(*action, model);
    }
    if (problems.any())
        return problems.failure();
    // One rule for every format: a file without events is a mistake (the wrong file, or a header alone).
    if (rows.isEmpty())
        return badInput(Words::tr("The file holds no usage events; nothing was imported."));
    ImportSummary summary;
    summary.rows = rows.size();
    return summary;
}

Status UsageBook::writeRowsShared(const QVector<ImportRow>& rows, ImportSummary& summary, Sql::WriteTransaction& tx,
                                  const ImportProgress::Overall& overall)
{
    using ImportProgress::Step;
    // The rows are staged before the write lock is taken, so that recorders go on meanwhile; the lock covers the
    // tenants the file brings and the move, which the ledger's function does, index and totals included.
    if (Status s = PostgresBulkInsert::stage(m_db.handle(), rows, m_db.userName(), ImportProgress::within(overall, Step::Writing)); !s)
        return s;
    if (!ImportProgress::begin(overall, Step::Indexing))
        return ImportProgress::cancelled();
    if (Status s = tx.lock(); !s)
        return s;
    if (Status s = addTenantsOf(rows, summary); !s)
        return s;
    const auto added = PostgresBulkInsert::moveStaged(m_db.handle());
    if (!added)
        return added.failure();
    summary.added = int(added->events);
    summary.credits = added->credits;
    summary.alreadyPresent = summary.rows - summary.added;
    if (!ImportProgress::begin(overall, Step::Totalling))
        return ImportProgress::cancelled();
    return auditImport(summary);
}

Status UsageBook::addTenantsOf(const QVector<ImportRow>& rows, ImportSummary& summary)
{
    QSet<QString> tenantsInFile;
    for (const ImportRow& row : rows)
        if (!row.event.tenant.isEmpty())
            tenantsInFile.insert(row.event.tenant);
    const auto added = m_directory.addMissingTenants(tenantsInFile.values());
    if (!added)
        return added.failure();
    summary.tenantsCreated = added.value();
    return success();
}

Status UsageBook::auditImport(const ImportSummary& summary)
{
    // The audit trail tells what changed; a file whose events were all there already changed nothing.
    if (summary.added == 0)
        return success();
    QString line = QStringLiteral("imported %1 of %2 events (%3 credits)").arg(summary.added).arg(summary.rows).arg(summary.credits);
    if (!summary.source.isEmpty())
        line += QStringLiteral(" from ") + Text::quoted(summary.source, 200);
    return m_db.audit(QStringLiteral("usage"), line);
}

Status UsageBook::writeRows(const QVector<ImportRow>& rows, ImportSummary& summary, const BillingCalendar& calendar,
                            Sql::WriteTransaction& tx, const ImportProgress::Overall& overall)
{
    using ImportProgress::Step;
    if (!ImportProgress::begin(overall, Step::Writing))
        return ImportProgress::cancelled();
    const ImportProgress::Callback progress = ImportProgress::within(overall, Step::Writing);
    if (PostgresBulkInsert::available(m_db.handle()))
        return writeRowsShared(rows, summary, tx, overall);
    if (Status s = addTenantsOf(rows, summary); !s)
        return s;

    UsageTotals totals(calendar);
    const auto inserted = [&](const UsageEvent& e) {
        ++summary.added;
        summary.credits += e.credits;
        totals.add(e.occurredAt, e.tenant, e.action, e.billing == Billing::Byok, e.credits);
    };
    // An import larger than the ledger itself loads first and indexes after (inside the same transaction, so a
    // failure or a cancel leaves the index as it was).
    const auto stored = eventCount();
    if (!stored)
        return stored.failure();
    // (On a shared ledger the index is the ledger's own, which only its owning role may drop.)
    const bool rebuildIndex = !m_db.isPostgres() && rows.size() > stored.value();
    if (rebuildIndex)
        if (Status s = Sql::execText(m_db.handle(), QStringLiteral("DROP INDEX %1").arg(QLatin1String(Schema::rateLimitIndex)),
                                     Words::tr("preparing the import"));
            !s)
            return s;
    // Where the backends differ most: each has its own bulk path, and a portable one stands behind both.
    const QSqlDatabase handle = m_db.handle();
    const Status written = SqliteBulkInsert::available(handle)
                               ? SqliteBulkInsert::insertEvents(handle, rows, m_db.userName(), inserted, progress)
                               : insertEventsPortably(rows, inserted, progress);
    if (!written)
        return written;
    if (!ImportProgress::begin(overall, Step::Indexing))
        return ImportProgress::cancelled();
    if (rebuildIndex)
        if (Status s = Sql::execText(m_db.handle(), QLatin1String(Schema::createRateLimitIndex), Words::tr("indexing the import")); !s)
            return s;
    summary.alreadyPresent = summary.rows - summary.added;
    if (!ImportProgress::begin(overall, Step::Totalling))
        return ImportProgress::cancelled();
    if (Status s = totals.flush(m_db); !s)
        return s;
    return auditImport(summary);
}

Result<qint64> UsageBook::eventCount()
{
    // From the totals: counting the events themselves would read the whole table.
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT COALESCE(SUM(runs), 0) FROM usage_totals"));
    return Sql::number(q, Words::tr("reading usage totals"));
}

Result<ImportSummary> UsageBook::importRows(QVector<ImportRow> rows, bool dryRun, const ImportProgress::Overall& progress,
                                            const QString& source)
{
    using ImportProgress::Step;
    // On a shared ledger the write lock waits until the rows are staged (writeRowsShared).
    Sql::WriteTransaction tx(m_db.handle(), Sql::WriteTransaction::Lock::LedgerRowLater);
    if (Status s = m_db.beginChecked(tx, [&] { return m_db.requireAdministrator(Words::tr("Importing usage")); }); !s)
        return s.failure();
    const auto current = m_settings.snapshot();
    if (!current)
        return current.failure();
    if (!ImportProgress::begin(progress, Step::Checking))
        return ImportProgress::cancelled();
    auto summary = checkRows(rows, current->settings, ImportProgress::within(progress, Step::Checking));
    if (!summary)
        return summary;
    summary->source = source;
    // A dry run does the whole write and rolls it back, so its counts are exactly what a real run would give.
    if (Status s = writeRows(rows, summary.value(), *current->calendar, tx, progress); !s)
        return s.failure();
    // The last moment a cancel can still take everything back.
    if (!ImportProgress::begin(progress, Step::Saving))
        return ImportProgress::cancelled();
    if (!dryRun)
        if (Status s = tx.commit(); !s)
            return s.failure();
    ImportProgress::finish(progress);
    return summary;
}

QString ImportSummary::describe(bool dryRun) const
{
    const QString events = UsageSentences::events(rows);
    const QString added = QLocale().toString(this->added);
    const QString credits = UsageSentences::credits(this->credits);
    QString text = dryRun ? Words::tr("Dry run: would import %1 of %2 (%3); %Ln already recorded.", nullptr, alreadyPresent)
                                .arg(added, events, credits)
                          : Words::tr("Imported %1 of %2 (%3); %Ln already recorded.", nullptr, alreadyPresent).arg(added, events, credits);
    const QString tenants = tenantsCreated.join(QStringLiteral(", "));
    if (!tenantsCreated.isEmpty())
        text += QLatin1Char('\n') + (dryRun ? Words::tr("Would add tenants: %1.") : Words::tr("Added tenants: %1.")).arg(tenants);
    if (dryRun)
        text += QLatin1Char('\n') + Words::tr("Nothing was written.");
    return text;
}

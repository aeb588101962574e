// Import of historic usage: the file is read a piece at a time into staging and every row is checked
// before the ledger is written; the write is one transaction, under the write lock only for the move.
#include "ledger/UsageBook.h"

#include "ledger/ImportStaging.h"
#include "ledger/Schema.h"
#include "ledger/sqlite/ImportNote.h"
#include "ledger/sqlite/SqliteBulkInsert.h"
#include "ledger/SqlSupport.h"
#include "ledger/UsageTotals.h"
#include "model/ImportProgress.h"
#include "rules/Identifiers.h"
#include "support/Text.h"
#include "words/UsageSentences.h"

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

// Keeps the first problem (by line) and counts the rest, so one message can say both.
class LineProblems
{
public:
    void add(int line, const QString& what, qint64 times = 1)
    {
        if (m_count == 0 || line < m_firstLine) {
            m_firstLine = line;
            m_first = Words::tr("Line %1: %2").arg(line).arg(what);
        }
        m_count += times;
    }
    bool any() const { return m_count > 0; }
    Failure failure() const
    {
        if (m_count == 1)
            return badInput(Words::tr("%1; nothing was imported.").arg(m_first));
        return badInput(
            Words::tr("%1 (%Ln more line(s) bad too); nothing was imported.", nullptr, int(m_count - 1)).arg(m_first));
    }

private:
    qint64 m_count = 0;
    int m_firstLine = 0;
    QString m_first;
};

// Every rule a row must meet on its own; an id given twice is found once the whole file is staged.
void UsageBook::checkRow(ImportRow& row, const LedgerSettings& settings, qint64 now, LineProblems& problems)
{
    UsageEvent& e = row.event;
    const Action* action = m_db.catalog().action(e.action);
    if (!action) {
        problems.add(row.line, Words::tr("unknown action %1").arg(Text::quoted(e.action)));
        return;
    }
    if (!Identifiers::isValidEventId(e.id))
        problems.add(row.line, Words::tr("id %1 is not valid").arg(Text::quoted(e.id)));
    if (const auto problem = CreditRules::eventTimeProblem(e.occurredAt, now))
        problems.add(row.line, *problem);
    if (!e.tenant.isEmpty() && !Identifiers::isValidTenantId(e.tenant))
        problems.add(row.line, Words::tr("tenant id %1 is not valid").arg(Text::quoted(e.tenant)));
    const Model* model = nullptr;
    if (action->slot.isEmpty()) {
        if (!e.model.isEmpty())
            problems.add(
                row.line,
                Words::tr("%1 takes no model, but the line names %2").arg(action->name, Text::quoted(e.model)));
    } else {
        if (e.model.isEmpty())
            e.model = settings.slotModels.value(action->slot);
        model = m_db.catalog().model(e.model);
        if (!model)
            problems.add(row.line, Words::tr("unknown model %1").arg(Text::quoted(e.model)));
    }
    if (e.billing == Billing::Byok && row.creditsGiven && e.credits != 0)
        problems.add(
            row.line,
            Words::tr("BYOK usage costs no credits, but the line says %1").arg(UsageSentences::credits(e.credits)));
    if (!row.creditsGiven)
        e.credits = e.billing == Billing::Byok ? 0 : CreditRules::cost(*action, model);
}

Status UsageBook::addTenants(const QSet<QString>& tenantsInFile, ImportSummary& summary)
{
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
    QString line = QStringLiteral("imported %1 of %2 events (%3 credits)")
                       .arg(summary.added)
                       .arg(summary.rows)
                       .arg(summary.credits);
    if (!summary.source.isEmpty())
        line += QStringLiteral(" from ") + Text::quoted(summary.source, 200);
    return m_db.audit(QStringLiteral("usage"), line);
}

Status UsageBook::moveStaged(ImportStaging& staging, const QSet<QString>& tenants, ImportSummary& summary,
                             Sql::WriteTransaction& tx, std::optional<DuringImport::Lock>& duringImport,
                             const ImportProgress::Overall& overall)
{
    using ImportProgress::Step;
    if (!ImportProgress::begin(overall, Step::Writing))
        return ImportProgress::cancelled();
    if (m_db.isPostgres()) {
        // The rows go in without the write lock; only their totals, which recorders read for the pool, wait for
        // it. Recorders go on meanwhile.
        const auto added = staging.move(nullptr, {});
        if (!added)
            return added.failure();
        summary.added = int(added->events);
        summary.credits = added->credits;
        if (!ImportProgress::begin(overall, Step::Indexing))
            return ImportProgress::cancelled();
        if (Status s = tx.lock(); !s)
            return s;
        if (Status s = addTenants(tenants, summary); !s)
            return s;
        if (!ImportProgress::begin(overall, Step::Totalling))
            return ImportProgress::cancelled();
        if (Status s = staging.addMovedToTotals(); !s)
            return s;
    } else {
        // Until here the ledger was only read: recorders went on while the file was read, checked and staged.
        // SQLite's one lock is the file's: the move holds it, and recorders record beside it meanwhile (a ledger
        // whose folder takes no new file keeps them waiting instead).
        if (Status s = tx.lock(); !s)
            return s;
        DuringImport::create(m_db.handle().databaseName());
        if (Status s = addTenants(tenants, summary); !s)
            return s;
        // The calendar as it stands under the lock: the totals are counted by it.
        const auto current = m_settings.snapshot();
        if (!current)
            return current.failure();
        UsageTotals totals(*current->calendar);
        // An import larger than the ledger itself loads first and indexes after (inside the same transaction, so
        // a failure or a cancel leaves the index as it was).
        const auto stored = eventCount();
        if (!stored)
            return stored.failure();
        const bool rebuildIndex = staging.staged() > stored.value();
        if (rebuildIndex)
            if (Status s = Sql::execText(m_db.handle(),
                                         QStringLiteral("DROP INDEX %1").arg(QLatin1String(Schema::rateLimitIndex)),
                                         Words::tr("preparing the import"));
                !s)
                return s;
        const auto added = staging.move(&totals, ImportProgress::within(overall, Step::Writing));
        if (!added)
            return added.failure();
        summary.added = int(added->events);
        summary.credits = added->credits;
        if (!ImportProgress::begin(overall, Step::Indexing))
            return ImportProgress::cancelled();
        if (rebuildIndex)
            if (Status s = SqliteBulkInsert::createIndex(m_db.handle(), Schema::createRateLimitIndex,
                                                         Words::tr("indexing the import"));
                !s)
                return s;
        if (!ImportProgress::begin(overall, Step::Totalling))
            return ImportProgress::cancelled();
        // What was recorded meanwhile joins the ledger in the import's transaction; the file's lock is kept to
        // the commit (importFrom), so that nothing more is recorded beside a ledger about to change.
        auto held = lockDuringImport();
        if (!held)
            return held.failure();
        if (held.value()) {
            duringImport.emplace(std::move(*held.value()));
            if (Status s = moveRecordedDuringImport(*duringImport, totals, true); !s)
                return s;
        }
        if (Status s = totals.flush(m_db.preparedQueries()); !s)
            return s;
    }
    summary.alreadyPresent = summary.rows - summary.added;
    return auditImport(summary);
}

Result<qint64> UsageBook::eventCount()
{
    // From the totals: counting the events themselves would read the whole table.
    QSqlQuery& q = m_db.query(QStringLiteral("SELECT COALESCE(SUM(runs), 0) FROM usage_totals"));
    return Sql::number(q, Words::tr("reading usage totals"));
}

Result<ImportSummary> UsageBook::importRows(QVector<ImportRow> rows, bool dryRun,
                                            const ImportProgress::Overall& progress, const QString& source)
{
    bool given = false;
    const ImportSource once{[&]() -> Result<QVector<ImportRow>> {
                                if (given)
                                    return QVector<ImportRow>();
                                given = true;
                                return std::move(rows);
                            },
                            [&] { return given ? 1000 : 0; }, source};
    return importFrom(once, dryRun, progress);
}

Result<ImportSummary> UsageBook::importFrom(const ImportSource& source, bool dryRun,
                                            const ImportProgress::Overall& progress)
{
    bool rolledBack = false;
    auto summary = importOnce(source, dryRun, progress, rolledBack);
    // Events recorded beside an import that held the lock and did not commit (a dry run, a cancel, a failure)
    // are the recorders', acknowledged: they join the ledger now rather than wait for the next recorder. A
    // ledger still busy leaves them to that recorder.
    if (rolledBack)
        settleRecordedDuringImport();
    return summary;
}

Result<ImportSummary> UsageBook::importOnce(const ImportSource& source, bool dryRun,
                                            const ImportProgress::Overall& progress, bool& rolledBack)
{
    using ImportProgress::Step;
    // Where the rows wait while the rest of the file is read and checked.
    ImportStaging staging(m_db.handle(), m_db.userName());
    // The write lock is taken once the whole file is staged and checked (moveStaged).
    Sql::WriteTransaction tx(m_db.handle(), Sql::WriteTransaction::Lock::LedgerRowLater);
    if (Status s = m_db.beginChecked(tx, [&] { return m_db.requireAdministrator(Words::tr("Importing usage")); }); !s)
        return s.failure();
    const auto current = m_settings.snapshot();
    if (!current)
        return current.failure();
    if (!ImportProgress::begin(progress, Step::Reading))
        return ImportProgress::cancelled();
    if (Status s = staging.prepare(); !s)
        return s.failure();

    // The file a piece at a time: each piece is checked row by row and staged, then dropped.
    ImportSummary summary;
    summary.source = source.name;
    LineProblems problems;
    QSet<QString> tenants;
    const qint64 now = m_db.now(); // one reading for the whole file
    const ImportProgress::Callback reading = ImportProgress::within(progress, Step::Reading);
    for (;;) {
        auto rows = source.next();
        if (!rows)
            return rows.failure();
        if (rows->isEmpty())
            break;
        summary.rows += int(rows->size());
        for (ImportRow& row : rows.value()) {
            checkRow(row, current->settings, now, problems);
            if (!row.event.tenant.isEmpty())
                tenants.insert(row.event.tenant);
        }
        if (Status s = staging.add(rows.value()); !s)
            return s.failure();
        if (reading && !reading(source.readPermille(), 1000))
            return ImportProgress::cancelled();
    }
    if (!ImportProgress::begin(progress, Step::Checking))
        return ImportProgress::cancelled();
    const auto repeats = staging.repeatedIds();
    if (!repeats)
        return repeats.failure();
    if (repeats->count > 0)
        problems.add(repeats->firstLine,
                     Words::tr("id %1 appears twice in the file").arg(Text::quoted(repeats->firstId)), repeats->count);
    if (problems.any())
        return problems.failure();
    // One rule for every format: a file without events is a mistake (the wrong file, or a header alone).
    if (summary.rows == 0)
        return badInput(Words::tr("The file holds no usage events; nothing was imported."));

    // SQLite's writers that give up meanwhile can say who holds the lock (ImportNote).
    std::optional<ImportNote> note;
    if (!m_db.isPostgres())
        note.emplace(m_db.handle().databaseName(), m_db.userName(), staging.staged(), m_db.now());
    // A dry run does the whole write and rolls it back, so its counts are exactly what a real run would give.
    std::optional<DuringImport::Lock> duringImport;
    const Status moved = moveStaged(staging, tenants, summary, tx, duringImport, progress);
    rolledBack = tx.isOpen(); // until the commit
    if (!moved)
        return moved.failure();
    // The last moment a cancel can still take everything back.
    if (!ImportProgress::begin(progress, Step::Saving))
        return ImportProgress::cancelled();
    if (!dryRun) {
        // The commit leaves the whole import in SQLite's log; copied back inside the commit, with the file beside
        // the ledger still locked, it would keep recorders waiting for seconds (8 s at 10M events).
        const auto logCopy = m_db.checkpointAfterCommit();
        if (Status s = tx.commit(); !s)
            return s.failure();
        rolledBack = false;
        if (duringImport)
            duringImport->removeAllAndCommit(); // what it leaves, the ledger holds unchanged
        duringImport.reset(); // the file's lock is let go of before the copy, whatever the emptying answered
        if (logCopy)
            logCopy->copyBack(); // holding no writer back
    }
    ImportProgress::finish(progress);
    return summary;
}

QString ImportSummary::describe(bool dryRun) const
{
    const QString events = UsageSentences::events(rows);
    const QString added = QLocale().toString(this->added);
    const QString credits = UsageSentences::credits(this->credits);
    QString text =
        dryRun ? Words::tr("Dry run: would import %1 of %2 (%3); %Ln already recorded.", nullptr, alreadyPresent)
                     .arg(added, events, credits)
               : Words::tr("Imported %1 of %2 (%3); %Ln already recorded.", nullptr, alreadyPresent)
                     .arg(added, events, credits);
    const QString tenants = tenantsCreated.join(QStringLiteral(", "));
    if (!tenantsCreated.isEmpty())
        text += QLatin1Char('\n') +
                (dryRun ? Words::tr("Would add tenants: %1.") : Words::tr("Added tenants: %1.")).arg(tenants);
    if (dryRun)
        text += QLatin1Char('\n') + Words::tr("Nothing was written.");
    return text;
}

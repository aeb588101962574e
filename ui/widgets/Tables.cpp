#include "widgets/Tables.h"

#include <QHeaderView>
#include <QTableWidget>

namespace Ui::Tables {

QTableWidget* create(const QStringList& headers, int stretchColumn, QWidget* parent)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table->setTabKeyNavigation(false); // Tab leaves the table, arrows move inside it
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    table->setWordWrap(false);
    return table;
}

void fill(QTableWidget* table, const QList<QStringList>& rows, const QList<int>& numeric)
{
    table->setRowCount(int(rows.size()));
    // Only the cells whose text changed are touched: every change makes the header measure its column again
    // (ResizeToContents), which for a whole table on every refresh held the window up for milliseconds.
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows[r].size(); ++c) {
            if (QTableWidgetItem* shown = table->item(r, c)) {
                if (shown->text() != rows[r][c])
                    shown->setText(rows[r][c]);
                continue;
            }
            auto* item = new QTableWidgetItem(rows[r][c]);
            if (numeric.contains(c))
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(r, c, item);
        }
    }
    // Tall enough for every row, so the page scrolls and the table does not.
    int height = table->horizontalHeader()->height() + 2 * table->frameWidth();
    for (int r = 0; r < table->rowCount(); ++r)
        height += table->rowHeight(r);
    table->setFixedHeight(height);
}

QString selectedText(const QTableWidget* table, int column)
{
    const QModelIndexList rows = table->selectionModel()->selectedRows();
    const QTableWidgetItem* item = rows.isEmpty() ? nullptr : table->item(rows.first().row(), column);
    return item ? item->text() : QString();
}

} // namespace Ui::Tables

#pragma once

#include <QList>
#include <QStringList>

class QTableWidget;
class QWidget;

namespace Ui::Tables {

// A read-only table that is exactly as tall as its rows, for a page that scrolls as a whole; `stretchColumn`
// takes the width left over.
QTableWidget* create(const QStringList& headers, int stretchColumn, QWidget* parent);

// Replaces the rows; the columns in `numeric` are right-aligned.
void fill(QTableWidget* table, const QList<QStringList>& rows, const QList<int>& numeric);

// The text in `column` of the selected row; empty when no row is selected.
QString selectedText(const QTableWidget* table, int column);

} // namespace Ui::Tables

#pragma once

#include "support/Result.h"

#include <QLabel>

namespace Ui::Outcome {

// A line under a form that says how the last change went: what was done, or the one-sentence refusal.
QLabel* label(const QString& objectName, QWidget* parent = nullptr);
// Shows `done` when `status` is a success, else its failure; answers whether it succeeded.
bool show(QLabel* label, const Status& status, const QString& done);

} // namespace Ui::Outcome

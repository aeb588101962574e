#pragma once

#include <QMessageBox>

namespace Ui {

// Questions the page asks before something it cannot undo (replace or remove a key, discard changes). Tests
// answer the next question in advance instead of hunting for a modal dialog; the question is kept for them.
namespace Ask {

QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                     QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton);

// For tests: the next question is not shown but answered with `answer`; several calls answer several questions.
void setNextAnswer(QMessageBox::StandardButton answer);
// For tests: answers given in advance that no question has used yet.
int pendingAnswers();
// For tests: the text of the last question asked, shown or not.
QString lastQuestion();

} // namespace Ask

} // namespace Ui

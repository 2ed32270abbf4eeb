#pragma once
// The app's language: the Settings choice ("en", "de") or, when empty, the system language.

#include <QString>

class QCoreApplication;

namespace gw::app {

// "en" or "de" for a setting value ("", "en", "de") and the system locale.
QString effectiveLanguage(const QString &setting);
// Installs the embedded translation for the language in force; true when one was installed.
bool installTranslations(QCoreApplication &app, const QString &setting);

} // namespace gw::app

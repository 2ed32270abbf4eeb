#include "shell/app_language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace gw::app {

QString effectiveLanguage(const QString &setting)
{
    if (!setting.isEmpty())
        return setting;
    const QStringList ui = QLocale::system().uiLanguages();
    return !ui.isEmpty() && ui.first().startsWith(QStringLiteral("de")) ? QStringLiteral("de") : QStringLiteral("en");
}

bool installTranslations(QCoreApplication &app, const QString &setting)
{
    if (effectiveLanguage(setting) != QStringLiteral("de"))
        return false;
    auto *translator = new QTranslator(&app);
    if (!translator->load(QStringLiteral(":/i18n/gateway-console_de.qm"))) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

} // namespace gw::app

#pragma once
// "Request…" on the test bench: the bodies both gateways got for the selected case, side by side,
// read-only, indented JSON in a monospace font, each with what the translation to that gateway's
// dialect dropped. Headers and keys are never part of the body, so nothing here is secret.

#include "config/per_gateway.h"

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QPlainTextEdit;

namespace gw::app {

class RequestViewer : public QDialog {
    Q_OBJECT
public:
    explicit RequestViewer(QWidget *parent = nullptr);

    void setRequest(gw::Gateway gateway, const QJsonObject &body, const QStringList &dropped);
    QPlainTextEdit *bodyView(gw::Gateway gateway) const;
    QLabel *droppedLabel(gw::Gateway gateway) const;

private:
    gw::PerGateway<QPlainTextEdit *> m_bodies;
    gw::PerGateway<QLabel *> m_dropped;
};

} // namespace gw::app

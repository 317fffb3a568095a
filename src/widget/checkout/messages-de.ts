import type { CheckoutMessages } from './messages-en';

const de: CheckoutMessages = {
  checkout: 'Zur Kasse',
  checkoutPending: 'Sichere Kasse wird geöffnet…',
  continueToCheckout: 'Weiter zur sicheren Kasse',
  popupBlocked: 'Dein Browser hat den Tab für die Kasse nicht geöffnet.',
  orderConfirmed: (total, items) => `Danke! Deine Bestellung über ${total} ist bestätigt: ${items}.`,
  orderPending: 'Deine Zahlung wird bearbeitet; du bekommst eine E-Mail, sobald sie bestätigt ist.',
  reviewInvitation: 'Sag anderen Fans, was du davon hältst: Nur Käuferinnen und Käufer können bewerten.',
  rateWhatYouBought: 'Bewerte deinen Kauf',
  checkoutCancelled: 'Kasse abgebrochen. Es wurde nichts berechnet; dein Warenkorb ist unverändert.',
  secureCheckout: 'Sichere Kasse',
  closeCheckout: 'Kasse schließen',
  paymentFormFailed: 'Das Zahlungsformular konnte nicht geladen werden. Prüfe deine Verbindung oder erlaube js.stripe.com in deinem Blocker und versuche es erneut.',
  tryAgain: 'Erneut versuchen',
  invalidQuantity: (max) => `Bitte wähle eine Menge von 1 bis ${max} für diesen Artikel.`,
  errors: {
    empty_cart: 'Dein Warenkorb ist leer.',
    too_many_lines: 'Dein Warenkorb hat zu viele verschiedene Artikel für eine Bestellung.',
    unknown_product: 'Diesen Artikel gibt es nicht mehr. Bitte entferne ihn.',
    unknown_variant: 'Diese Variante gibt es nicht mehr. Bitte entferne sie.',
    variant_required: 'Bitte wähle Größe oder Farbe für diesen Artikel.',
    sold_out: 'Dieser Artikel ist gerade ausverkauft. Bitte entferne ihn.',
    coming_soon: 'Dieser Artikel ist noch nicht erhältlich. Bitte entferne ihn.',
    quantity_above_stock: 'Von diesem Artikel ist nicht mehr genug da. Bitte verringere die Menge.',
    rate_limited: 'Zu viele Versuche. Bitte warte eine Minute und versuch es noch einmal.',
    origin_not_allowed: 'Auf dieser Seite ist die Kasse nicht verfügbar.',
    other: 'Die Kasse konnte nicht geöffnet werden. Prüf deine Verbindung und versuch es noch einmal.',
  },
};

export default de;

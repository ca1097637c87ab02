package app.coherence.core.billing;

/** Port: the payment provider (Stripe): customers, Checkout Sessions and the Customer Portal. */
public interface Payments {

    /** Creates the provider's customer for a user; repeated calls for one uid yield one customer. */
    String createCustomer(String uid, String email, String name);

    /** A hosted checkout page that subscribes {@code customerId} to {@code priceId}. */
    String checkoutUrl(CheckoutRequest request);

    /** A hosted page where the customer manages or cancels the subscription. */
    String portalUrl(String customerId, String returnUrl);

    /** What a checkout is for; uid and plan travel in the session's metadata so the webhook can tie it back. */
    record CheckoutRequest(String customerId, String priceId, String uid, String plan, String successUrl,
                           String cancelUrl) {
    }
}

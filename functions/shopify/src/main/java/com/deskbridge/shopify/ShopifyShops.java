package com.deskbridge.shopify;

/** Port: the Shopify store of a seller; throws {@link IllegalStateException} naming the seller when it has none. */
@FunctionalInterface
public interface ShopifyShops {

    ShopifyShop shop(String sellerId);
}

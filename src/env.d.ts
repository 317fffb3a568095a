declare const __FANSHOP_VERSION__: string;

export { CartRowView, ProductRowsView, cartRow, productRows } from './Recommendations';
export { WishForm } from './WishForm';
